// Next 16 proxy (was middleware): sessions gate every page and API route except sign-in, health and the
// token-authenticated tracker API.
// No session: pages redirect to /login, API routes answer 401 JSON. Every request gets an x-request-id.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

const PUBLIC_PATHS = [
  /^\/login(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  // CodeCarbon's live API: trackers carry a project API token, not a session; the routes check the token
  // themselves (app/api/codecarbon/_lib/route.ts → lib/auth/api-token.ts).
  /^\/api\/codecarbon(\/|$)/,
];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export async function proxy(req: NextRequest) {
  const requestId = req.headers.get("x-request-id")?.slice(0, 100) || crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  const { pathname } = req.nextUrl;
  if (!PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
    if (!token?.sub) {
      const hadSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
      if (pathname.startsWith("/api/")) {
        return NextResponse.json(
          { error: { code: "UNAUTHENTICATED", message: hadSession ? "Your session has expired; sign in again." : "Sign in to continue." } },
          { status: 401, headers: { "x-request-id": requestId } },
        );
      }
      const login = new URL("/login", req.url);
      login.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
      if (hadSession) login.searchParams.set("reason", "expired");
      return NextResponse.redirect(login);
    }
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  return res;
}

export const config = {
  // The tracker API is also left out of the matcher: it needs no session, and skipping the proxy is a good part of
  // its per-request cost (thousands of emissions per second; scripts/bench-api.ts). Its routes set their own
  // x-request-id. PUBLIC_PATHS above still lists it, should the matcher change.
  // Uploads (api/orgs/<org>/imports/upload) are left out too: for a request it matches, Next clones the body into
  // memory up to proxyClientMaxBodySize and cuts it there; the upload route streams the body to disk and checks the
  // session itself (orgRoute).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/codecarbon/|api/orgs/[^/]+/imports/upload).*)"],
};

// Glue for session-authenticated JSON routes under /api/orgs/[org]/…: session → service context → service,
// and every error mapped to a status with a JSON body. Unknown errors are logged and answered 500 without details.
import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { requireMembership, type ServiceContext } from "@/lib/auth/context";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";

export async function requestId(): Promise<string> {
  return (await headers()).get("x-request-id") ?? crypto.randomUUID();
}

export async function contextFor(orgSlug: string): Promise<ServiceContext> {
  const session = await getServerSession(authOptions());
  return requireMembership({ userId: session?.user?.id, orgSlug, requestId: await requestId() });
}

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError)
    return NextResponse.json({ error: { code: err.code, message: err.message, issues: err.issues } }, { status: err.status });
  console.error("[scopebook] unexpected error", err);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side; nothing was changed." } }, { status: 500 });
}

type OrgParams = { params: Promise<{ org: string } & Record<string, string>> };

/** A route handler for /api/orgs/[org]/…: builds the context, runs fn, maps errors. */
export function orgRoute(fn: (args: { ctx: ServiceContext; req: Request; params: Record<string, string> }) => Promise<Response | unknown>) {
  return async (req: Request, { params }: OrgParams): Promise<Response> => {
    try {
      const p = await params;
      const ctx = await contextFor(p.org);
      const result = await fn({ ctx, req, params: p });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.", [{ field: "body", reason: "invalid JSON" }]);
  }
}

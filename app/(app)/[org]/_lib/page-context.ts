// Pages under /[org]: the session and the membership of the organization in the URL.
// Not signed in → /login; not a member or unknown organization → 404 (the two look alike on purpose).
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireMembership, type ServiceContext } from "@/lib/auth/context";
import { authOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export async function pageContext(orgSlug: string): Promise<{ ctx: ServiceContext; email: string; can: (p: Permission) => boolean }> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(`/${orgSlug}/dashboard`)}`);
  const requestId = (await headers()).get("x-request-id") ?? crypto.randomUUID();
  try {
    const ctx = await requireMembership({ userId: session.user.id, orgSlug, requestId });
    return { ctx, email: session.user.email ?? "", can: (p) => can(ctx.role, p) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

/** Runs a service for a page; a FORBIDDEN error becomes a message instead of an error page. */
export async function loadForPage<T>(load: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await load() };
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") return { ok: false, message: err.message };
    throw err;
  }
}

/** Runs a service for a page; a NOT_FOUND error becomes the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

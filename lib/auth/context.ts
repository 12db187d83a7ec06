// Who is acting, in which organization, with which role: built once per request, passed to every service.
import { prisma } from "../db/client";
import { isUuid } from "../db/scope";
import { AppError, forbidden, notFound } from "../errors";
import { can, type Permission, type Role } from "./permissions";

export interface ServiceContext {
  userId: string | null;
  /** "user:<email>", "api-token:<id>" or "system" — stored on audit events. */
  actorLabel: string;
  organization: { id: string; slug: string; name: string };
  role: Role;
  requestId: string;
}

/** The caller's membership of the organization named in the URL; an unknown org and a non-member look alike (404). */
export async function requireMembership(input: {
  userId: string | null | undefined;
  orgSlug: string;
  requestId: string;
}): Promise<ServiceContext> {
  if (!input.userId) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  // A malformed id (e.g. from an old session token) is an unknown user, not a database error.
  if (!isUuid(input.userId)) throw notFound("Organization");
  const membership = await prisma.membership.findFirst({
    where: { userId: input.userId, organization: { slug: input.orgSlug }, user: { disabledAt: null } },
    select: {
      role: true,
      user: { select: { email: true } },
      organization: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!membership) throw notFound("Organization");
  return {
    userId: input.userId,
    actorLabel: `user:${membership.user.email}`,
    organization: membership.organization,
    role: membership.role,
    requestId: input.requestId,
  };
}

export function authorize(ctx: ServiceContext, permission: Permission): void {
  if (!can(ctx.role, permission)) throw forbidden(permission);
}

// Org-scoped where-builders: the only way services address tenant data. No record is loaded by id alone.
import type { ServiceContext } from "../auth/context";

/** `{ organizationId }` of the acting organization: spread into every where. */
export function inOrg(ctx: Pick<ServiceContext, "organization">): { organizationId: string } {
  return { organizationId: ctx.organization.id };
}

/** A record of the acting organization by id. */
export function byId(ctx: Pick<ServiceContext, "organization">, id: string): { id: string; organizationId: string } {
  return { id, organizationId: ctx.organization.id };
}

/** Factor datasets an organization may read: the shipped open ones (no organization) and its own. */
export function shippedOrInOrg(ctx: Pick<ServiceContext, "organization">): { OR: [{ organizationId: null }, { organizationId: string }] } {
  return { OR: [{ organizationId: null }, { organizationId: ctx.organization.id }] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach Postgres (a malformed uuid is "not found", not a 500). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `{ organizationId, projectId }` of a tracker API token: tracker requests reach only their token's project. */
export function inTokenProject(ctx: { organization: { id: string }; projectId: string }): { organizationId: string; projectId: string } {
  return { organizationId: ctx.organization.id, projectId: ctx.projectId };
}

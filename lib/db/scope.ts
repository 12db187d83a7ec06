// Org-scoped where-builders: the only way services address tenant data. No record is loaded by id alone.

/** What a where-builder needs of the caller: its organization (a ServiceContext, an ApiTokenContext, a job's context). */
export interface OrgScope {
  organization: { id: string };
}

/** `{ organizationId }` of the acting organization: spread into every where. */
export function inOrg(ctx: OrgScope): { organizationId: string } {
  return { organizationId: ctx.organization.id };
}

/** A record of the acting organization by id. */
export function byId(ctx: OrgScope, id: string): { id: string; organizationId: string } {
  return { id, organizationId: ctx.organization.id };
}

/** Factor datasets an organization may read: the shipped open ones (no organization) and its own. */
export function shippedOrInOrg(ctx: OrgScope): { OR: [{ organizationId: null }, { organizationId: string }] } {
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

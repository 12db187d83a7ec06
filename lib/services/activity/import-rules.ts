// What activity and instrument files add to the shared import services: who may import them (the same
// permission as the forms: officers and admins), and a preview warning naming the sites a confirm would create.
import { authorize, type ServiceContext } from "../../auth/context";
import type { Permission } from "../../auth/permissions";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { NO_SITE } from "../../ingest/kinds/activity";
import type { ImportPreview } from "../../ingest/pipeline/preview";

const SOURCE_PERMISSIONS: Partial<Record<string, Permission>> = {
  ACTIVITY_CSV: "activity:manage",
  INSTRUMENTS_CSV: "instrument:manage",
};

/** Throws FORBIDDEN when the file's source needs a permission the caller's role lacks. */
export function authorizeSource(ctx: ServiceContext, sourceType: string): void {
  const needed = SOURCE_PERMISSIONS[sourceType];
  if (needed) authorize(ctx, needed);
}

/** "Sites created on confirm: …" for an activity file naming sites the organization does not have yet. */
export async function newSiteWarnings(ctx: ServiceContext, preview: ImportPreview): Promise<string[]> {
  if (preview.recordKind !== "activity") return [];
  const named = preview.projects.filter((p) => p !== NO_SITE);
  if (!named.length) return [];
  const existing = await prisma.site.findMany({ where: { ...inOrg(ctx), name: { in: named, mode: "insensitive" } }, select: { name: true } });
  const known = new Set(existing.map((s) => s.name.toLowerCase()));
  const missing = named.filter((n) => !known.has(n.toLowerCase()));
  if (!missing.length) return [];
  const more = preview.projectsTotal > preview.projects.length ? " (and possibly more of the file's other sites)" : "";
  return [`New site${missing.length > 1 ? "s" : ""} will be created when you confirm: ${missing.join(", ")}${more}. Set their country, grid region and market on the Sites page.`];
}

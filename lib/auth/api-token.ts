// Project API tokens for trackers (CodeCarbon's `x-api-token`). A token is shown once, stored as its sha256.
// A token's context is its organization and project; every query of the tracker API is scoped by both.
//
// Lookups are cached in memory for API_TOKEN_CACHE_TTL_MS, keyed by the token's hash, so that a tracker's
// emission costs one database round trip, not two. Consequences (docs/decisions/0005):
// - revoking a token through Scopebook drops it from this process's cache at once; another server process
//   (several instances behind a load balancer) honours the revocation within the TTL;
// - `last_used_at` is written when the cache is refreshed, so it is exact to within the TTL.
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "../db/client";
import { AppError } from "../errors";

export const API_TOKEN_PREFIX = "sbk_";
export const API_TOKEN_CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 10_000;

export interface ApiTokenContext {
  tokenId: string;
  userId: null;
  /** "api-token:<id>": stored on audit events. */
  actorLabel: string;
  organization: { id: string; slug: string; name: string };
  projectId: string;
  requestId: string;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token: `sbk_` + 43 base64url characters (256 random bits). Only the hash and the prefix are stored. */
export function generateApiToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 8) };
}

/** The token a request carries: `x-api-token` (CodeCarbon's header), else `Authorization: Bearer …`. */
export function apiTokenFromHeaders(headers: { get(name: string): string | null | undefined }): string | null {
  const direct = headers.get("x-api-token")?.trim();
  if (direct) return direct;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return bearer ? bearer[1] : null;
}

type Cached = { expiresAt: number } & ({ revoked: true } | { revoked: false; ctx: Omit<ApiTokenContext, "requestId"> });

// On globalThis: Next bundles each route separately, and the revoke route must clear the cache the
// tracker routes read.
const holder = globalThis as unknown as { scopebookApiTokenCache?: Map<string, Cached> };
const cache = (holder.scopebookApiTokenCache ??= new Map());

/** Drops a token from this process's cache (called when it is revoked). */
export function forgetApiToken(tokenHash: string): void {
  cache.delete(tokenHash);
}

async function load(tokenHash: string): Promise<Cached | null> {
  // One round trip: marks the token used and reads its organization.
  const rows = await prisma.$queryRaw<
    { id: string; project_id: string | null; revoked: boolean; org_id: string; slug: string; org_name: string }[]
  >`
    WITH t AS (
      UPDATE api_tokens SET last_used_at = CASE WHEN revoked_at IS NULL THEN now() ELSE last_used_at END
       WHERE token_hash = ${tokenHash}
       RETURNING id, organization_id, project_id, revoked_at IS NOT NULL AS revoked
    )
    SELECT t.id, t.project_id, t.revoked, o.id AS org_id, o.slug, o.name AS org_name
      FROM t JOIN organizations o ON o.id = t.organization_id`;
  const row = rows[0];
  if (!row) return null;
  const expiresAt = Date.now() + API_TOKEN_CACHE_TTL_MS;
  if (row.revoked || !row.project_id) return { expiresAt, revoked: true };
  return {
    expiresAt,
    revoked: false,
    ctx: {
      tokenId: row.id,
      userId: null,
      actorLabel: `api-token:${row.id}`,
      organization: { id: row.org_id, slug: row.slug, name: row.org_name },
      projectId: row.project_id,
    },
  };
}

/** The context of a tracker request: 401 without a token or with an unknown one, 403 when it was revoked. */
export async function requireApiToken(input: { token: string | null; requestId: string }): Promise<ApiTokenContext> {
  if (!input.token) throw new AppError("UNAUTHENTICATED", "Send the project's API token in the x-api-token header.");
  const tokenHash = hashApiToken(input.token);
  let entry = cache.get(tokenHash);
  if (!entry || entry.expiresAt <= Date.now()) {
    const loaded = await load(tokenHash);
    if (!loaded) {
      cache.delete(tokenHash);
      throw new AppError("UNAUTHENTICATED", "This API token is not valid.");
    }
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(tokenHash, loaded);
    entry = loaded;
  }
  if (entry.revoked) throw new AppError("FORBIDDEN", "This API token has been revoked.");
  return { ...entry.ctx, requestId: input.requestId };
}

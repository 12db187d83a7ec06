// Audit events as sentences ("Olga Officer signed off FY2024, version 3"): a pure function of an event's action,
// actor, entity name and before/after. Every action the code records has its verb (test/unit/audit-sentences.test.ts
// checks the list against the sources); an unknown one still reads ("… recorded x.y on Entity").

export interface SentenceInput {
  action: string;
  actor: string;
  entityType: string;
  /** A readable name of the entity (a period's name, a project's name…), when known. */
  entityName: string | null;
  before: unknown;
  after: unknown;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" || typeof v === "number" ? String(v) : null);

/** What each action says, given the entity's name (or a fallback) and the after/before values. */
const VERBS: Record<string, (name: string, a: Obj, b: Obj) => string> = {
  "organization.created": (n) => `created the organization ${n}`,
  "member.added": (_n, a) => `added ${str(a.email) ?? "a member"}${str(a.role) ? ` as ${String(a.role).toLowerCase()}` : ""}`,
  "member.role_changed": (_n, a, b) => `changed the role of ${str(a.email) ?? str(b.email) ?? "a member"}${str(b.role) ? ` from ${String(b.role).toLowerCase()}` : ""}${str(a.role) ? ` to ${String(a.role).toLowerCase()}` : ""}`,
  "api-token.created": (n) => `created an API token for ${n}`,
  "api-token.revoked": (n) => `revoked an API token of ${n}`,
  "project.created": (n) => `created the project ${n}`,
  "project.sci-set": (n) => `set the SCI settings of ${n}`,
  "experiment.created": (n) => `created the experiment ${n}`,
  "run.created": (n) => `started the tracker run ${n}`,
  "run.measurements-added": (n) => `added measurements to the run ${n}`,
  "import.uploaded": (n) => `uploaded ${n}`,
  "import.created": (n) => `uploaded ${n}`,
  "import.committed": (n, a) => `imported ${n}${str(a.rowsImported) ? ` (${a.rowsImported} rows)` : ""}`,
  "import.cancelled": (n) => `cancelled the import of ${n}`,
  "import.failed": (n) => `saw the import of ${n} fail`,
  "activity.created": (n) => `recorded the activity ${n}`,
  "activity.updated": (n) => `changed the activity ${n}`,
  "activity.deleted": (n) => `deleted the activity ${n}`,
  "instrument.created": (n) => `recorded the instrument ${n}`,
  "instrument.updated": (n) => `changed the instrument ${n}`,
  "instrument.deleted": (n) => `deleted the instrument ${n}`,
  "site.created": (n) => `created the site ${n}`,
  "site.updated": (n) => `changed the site ${n}`,
  "cloudMapping.created": (n) => `mapped ${n}`,
  "cloudMapping.deleted": (n) => `removed the mapping ${n}`,
  "factor.custom-added": (n) => `added the custom factor ${n}`,
  "factor.deleted": (n) => `deleted the factor ${n}`,
  "factor-dataset.imported": (n) => `imported the factor dataset ${n}`,
  "factor-dataset.version-created": (n) => `created a new version of the factor dataset ${n}`,
  "period.created": (n) => `created the reporting period ${n}`,
  "period.updated": (n) => `changed ${n}`,
  "period.closed": (n) => `closed ${n}`,
  "period.recalculated": (n, a) => `recalculated ${n}${str(a.version) ? `, version ${a.version}` : ""}`,
  "period.restated": (n, a) => `restated ${n}${str(a.version) ? `, version ${a.version}` : ""}`,
  "period.checked": (n) => `checked ${n} against its inputs`,
  "period.submitted": (n) => `submitted ${n} for review`,
  "period.signed-off": (n, a) => `signed off ${n}${str(a.reportVersion) ? `, version ${a.reportVersion}` : ""}`,
  "period.returned": (n) => `returned ${n} to its preparer`,
  "period.reopened": (n) => `reopened ${n}`,
  "period.scope3-note-set": (n) => `set a Scope 3 category note on ${n}`,
  "restatement.reason-set": (n) => `gave the reason of a restatement in ${n}`,
  "target.created": (n) => `set the target ${n}`,
  "engagement.created": (n) => `opened the engagement ${n}`,
  "engagement.updated": (n) => `changed the engagement ${n}`,
  "engagement.concluded": (n) => `recorded the conclusion of the engagement ${n}`,
  "period.reviewed": (n) => `reviewed ${n}`,
  "signing-key.created": () => "created the organization's signing key",
  "evidence-pack.exported": (n) => `exported the evidence pack of ${n}`,
  "sample.created": (n) => `drew the sample ${n}`,
  "sample.item-result": (n) => `recorded a sample result in ${n}`,
  "analytics.row-updated": (n) => `explained an analytical review row of ${n}`,
  "inquiry.raised": (n) => `raised the inquiry ${n}`,
  "inquiry.answered": (n) => `answered the inquiry ${n}`,
  "inquiry.returned": (n) => `returned the answer to the inquiry ${n}`,
  "inquiry.closed": (n) => `closed the inquiry ${n}`,
  "inquiry.reopened": (n) => `reopened the inquiry ${n}`,
  "review-note.added": () => "added a review note",
  "misstatement.recorded": (n) => `recorded a misstatement in ${n}`,
  "representation-letter.signed": (n) => `signed the management representation letter of ${n}`,
};

export const SENTENCE_ACTIONS = Object.keys(VERBS);

export function auditSentence(e: SentenceInput): string {
  const a = obj(e.after);
  const b = obj(e.before);
  const name = e.entityName ?? str(a.name) ?? str(b.name) ?? str(a.fileName) ?? str(b.fileName) ?? e.entityType;
  const verb = VERBS[e.action];
  return `${e.actor} ${verb ? verb(name, a, b) : `recorded ${e.action} on ${name}`}`;
}

/** The keys whose value differs between before and after, with both values (the diff view). */
export function changedKeys(before: unknown, after: unknown): { key: string; before: unknown; after: unknown }[] {
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ key: k, before: b[k] ?? null, after: a[k] ?? null }));
}

// restatements/restatements.csv, controls/signoffs.csv, audit-log/events.jsonl (events 1..n of the checkpoint,
// every chained field and the stored hash, canonical JSON per line) and audit-log/checkpoint.txt (the signed note).
import { canonicalJson } from "../../../../audit/chain";
import { peopleByIds } from "../../../periods/period-views";
import { csvFile, type PackSection } from "../section";

export const recordsSection: PackSection = {
  name: "records",
  async files(pc) {
    const org = pc.organization.id;
    const restatements = pc.content.restatements.map((r) => [r.datapoint, r.previousNumber, r.previousKgCo2e, r.currentKgCo2e, r.reason, r.note]);
    const versions = await pc.db.reportVersion.findMany({ where: { organizationId: org, periodId: pc.period.id, number: { lte: pc.version.number } }, orderBy: { number: "asc" } });
    const people = await peopleByIds(versions.flatMap((v) => [v.preparedById, v.approvedById]));
    const who = (id: string) => { const p = people.get(id); return p ? `${p.name} <${p.email}>` : id; };
    const signoffs = versions.map((v) => [v.number, who(v.preparedById), v.submittedAt.toISOString(), who(v.approvedById), v.approvedAt.toISOString(), v.calculationVersionId, v.sha256, v.auditHeadSeq, v.auditHeadHash]);
    const events = await pc.db.auditEvent.findMany({ where: { organizationId: org, seq: { lte: pc.checkpoint.treeSize } }, orderBy: { seq: "asc" } });
    const jsonl = events
      .map((e) => canonicalJson({ organizationId: e.organizationId, seq: e.seq, actorUserId: e.actorUserId, actorLabel: e.actorLabel, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before ?? null, after: e.after ?? null, requestId: e.requestId, createdAt: e.createdAt.toISOString(), prevHash: e.prevHash, hash: e.hash }) + "\n")
      .join("");
    return [
      { path: "restatements/restatements.csv", role: "restatements", mediaType: "text/csv", bytes: csvFile(["datapoint", "previous_version", "previously_stated_kg_co2e", "now_stated_kg_co2e", "reason", "note"], restatements) },
      { path: "controls/signoffs.csv", role: "signoffs", mediaType: "text/csv", bytes: csvFile(["report_version", "prepared_by", "submitted_at", "approved_by", "approved_at", "calculation_version_id", "statement_sha256", "audit_head_seq", "audit_head_hash"], signoffs) },
      { path: "audit-log/events.jsonl", role: "audit-log", mediaType: "application/jsonl", bytes: Buffer.from(jsonl) },
      { path: "audit-log/checkpoint.txt", role: "checkpoint", mediaType: "text/plain", bytes: Buffer.from(pc.checkpoint.note) },
    ];
  },
};

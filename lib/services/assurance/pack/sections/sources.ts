// factors/factor-register.csv (every factor the version's lines use, with its dataset), sources/index.csv and
// sources/raw/<sha256>.<ext>: the original files the version's lines come from (content-addressed).
import path from "node:path";
import { pgPool } from "../../../../db/pool";
import { openStored } from "../../../../storage/uploads";
import { csvFile, type PackFile, type PackSection } from "../section";

export const factorsSection: PackSection = {
  name: "factors",
  async files(pc) {
    const org = pc.organization.id;
    const used = await pc.db.ledgerResolution.findMany({ where: { organizationId: org, calculationVersionId: pc.version.calculationVersionId, factorId: { not: null } }, select: { factorId: true }, distinct: ["factorId"] });
    const factors = await pc.db.emissionFactor.findMany({
      where: { id: { in: used.map((u) => u.factorId!) }, OR: [{ organizationId: null }, { organizationId: org }] },
      include: { dataset: { select: { publisher: true, title: true, version: true, year: true, licence: true, url: true, retrievedAt: true, gwpBasis: true } } },
      orderBy: { id: "asc" },
    });
    const rows = factors.map((f) => [
      f.id, f.dataset.publisher, f.dataset.title, f.dataset.version, f.year ?? f.dataset.year, f.keyType, f.key, f.method, f.value.toFixed(), f.unit,
      f.sourceValue?.toFixed() ?? null, f.sourceUnit, f.gwpBasis ?? f.dataset.gwpBasis, f.dataset.licence, f.dataset.url, f.dataset.retrievedAt?.toISOString() ?? null,
    ]);
    return [{ path: "factors/factor-register.csv", role: "factor-register", mediaType: "text/csv", bytes: csvFile(["factor_id", "publisher", "dataset", "dataset_version", "year", "key_type", "key", "method", "value", "unit", "source_value", "source_unit", "gwp_basis", "licence", "url", "retrieved_at"], rows) }];
  },
};

const ext = (fileName: string) => (path.extname(fileName).replace(/[^\w]/g, "").toLowerCase() || "bin");

export const sourcesSection: PackSection = {
  name: "sources",
  async files(pc) {
    const org = pc.organization.id;
    const { rows } = await pgPool().query<{ id: string }>(
      "SELECT DISTINCT import_id AS id FROM ledger_lines WHERE calculation_version_id = $1 AND organization_id = $2 AND import_id IS NOT NULL",
      [pc.version.calculationVersionId, org],
    );
    const imports = await pc.db.import.findMany({
      where: { organizationId: org, id: { in: rows.map((r) => r.id) } },
      select: { id: true, fileName: true, sha256: true, sizeBytes: true, sourceType: true, detectedVersion: true, createdAt: true, createdById: true, evidence: { select: { id: true, content: true, storagePath: true } } },
      orderBy: { sha256: "asc" },
    });
    const files: PackFile[] = [];
    const index: (string | number | null)[][] = [];
    for (const i of imports) {
      const rawPath = `sources/raw/${i.sha256}.${ext(i.fileName)}`;
      const ev = i.evidence;
      const kept = ev?.content ? "in pack" : ev?.storagePath ? "in pack" : "not kept (hash only)";
      index.push([i.sha256, i.id, i.fileName, i.sizeBytes.toString(), i.sourceType, i.detectedVersion, i.createdAt.toISOString(), i.createdById, kept === "in pack" ? rawPath : null]);
      if (ev?.content) files.push({ path: rawPath, role: "source", mediaType: "application/octet-stream", bytes: Buffer.from(ev.content) });
      else if (ev?.storagePath) {
        const storagePath = ev.storagePath;
        files.push({ path: rawPath, role: "source", mediaType: "application/octet-stream", stream: async (write) => { for await (const chunk of openStored(storagePath)) await write(chunk as Buffer); } });
      }
    }
    files.push({ path: "sources/index.csv", role: "source-index", mediaType: "text/csv", bytes: csvFile(["sha256", "import_id", "original_name", "bytes", "source_type", "detected_version", "uploaded_at", "uploaded_by", "pack_path"], index) });
    return files;
  },
};

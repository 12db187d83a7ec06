// An import row → the view pages and API clients see (lib/views/imports.ts).
import { formatCount } from "../../format";
import type { Import } from "../../generated/prisma/client";
import type { ImportPreview } from "../../ingest/pipeline/preview";
import { recordKindOf, sourceLabel } from "../../ingest/registry";
import type { RowError } from "../../records/row-error";
import type { ImportView } from "../../views/imports";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toImportView(row: Import): ImportView {
  const preview = (row.preview ?? {}) as Partial<ImportPreview>;
  const size = Number(row.sizeBytes);
  const bytes = Number(row.bytesProcessed);
  const elapsed = row.startedAt ? ((row.finishedAt ?? new Date()).getTime() - row.startedAt.getTime()) / 1000 : 0;
  const done = row.status === "COMMITTED";
  return {
    id: row.id,
    fileName: row.fileName,
    sourceType: row.sourceType,
    sourceLabel: sourceLabel(row.sourceType),
    detectedVersion: row.detectedVersion,
    status: row.status,
    sizeBytes: size,
    sizeLabel: row.sourceType === "CODECARBON_API" ? "live API" : `${formatCount(size)} bytes`,
    sha256: row.sha256,
    rowsTotal: row.rowsTotal,
    rowsValid: row.rowsTotal - row.rowsFailed,
    rowsImported: row.rowsImported,
    rowsDuplicate: row.rowsDuplicate,
    rowsFailed: row.rowsFailed,
    rowsRestated: row.rowsRestated,
    rowErrorsTotal: row.rowErrorsTotal,
    rowErrors: row.rowErrors as unknown as RowError[],
    warnings: row.warnings as unknown as { code: string; message: string }[],
    recordKind: preview.recordKind ?? recordKindOf(row.sourceType),
    table: preview.table ?? { columns: [], rows: [] },
    flags: preview.flags ?? {},
    runs: preview.runs ?? 0,
    rowsUnknownIdentity: preview.rowsUnknownIdentity ?? 0,
    duplicateRowsInFile: preview.duplicateRowsInFile ?? 0,
    projects: preview.projects ?? [],
    projectsTotal: preview.projectsTotal ?? 0,
    measuredFrom: preview.measuredFrom ?? null,
    measuredTo: preview.measuredTo ?? null,
    progress: {
      phase: row.phase,
      percent: done ? 100 : size ? Math.min(100, Math.floor((bytes / size) * 100)) : 0,
      bytesProcessed: bytes,
      rowsProcessed: row.rowsProcessed,
      rowsPerSecond: elapsed > 0 && row.rowsProcessed > 0 ? Math.round(row.rowsProcessed / elapsed) : null,
      startedAt: iso(row.startedAt),
      finishedAt: iso(row.finishedAt),
    },
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    committedAt: iso(row.committedAt),
  };
}

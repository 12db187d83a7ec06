// Use case: an officer checks a factor CSV before importing it: what Scopebook read (first rows, converted to
// kgCO2e per unit), every row error (row, column, value, reason), and whether this very file is already a dataset.
// Writes nothing.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { parseInput } from "../../parse-input";
import type { FactorImportPreview } from "../../views/factors";
import { ProvenanceInput } from "./provenance-input";
import { readFactorFile, type UploadedFile } from "./read-factor-file";

export const PREVIEW_ROWS = 20;

export async function previewFactorImport({ ctx, input }: { ctx: ServiceContext; input: { provenance: unknown; file: UploadedFile } }): Promise<FactorImportPreview> {
  authorize(ctx, "factor:manage");
  const provenance = parseInput(ProvenanceInput, input.provenance);
  const { sha256, parsed } = readFactorFile(input.file);
  const [sameFile, sameVersion] = await Promise.all([
    prisma.emissionFactorDataset.findFirst({ where: { ...inOrg(ctx), sha256 }, select: { id: true, title: true, version: true } }),
    prisma.emissionFactorDataset.findFirst({
      where: { ...inOrg(ctx), publisher: provenance.publisher, title: provenance.title, version: provenance.version },
      select: { id: true },
    }),
  ]);
  return {
    fileName: input.file.fileName,
    sha256,
    provenance,
    rowsTotal: parsed.rowsTotal,
    rowsValid: parsed.rows.length,
    rowErrors: parsed.errors,
    firstRows: parsed.rows.slice(0, PREVIEW_ROWS),
    /** The same bytes were imported before: importing again changes nothing. */
    alreadyImported: sameFile,
    /** Publisher, title and version are taken: give another version. */
    versionTaken: sameVersion !== null && sameFile === null,
    canImport: parsed.errors.length === 0 && (sameFile !== null || sameVersion === null),
  };
}

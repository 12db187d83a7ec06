// Use case: an officer adds a custom factor (a supplier-specific rate, a grid region's figure…) with an evidence file,
// into the organization's "Custom factors" dataset. The value is converted to kgCO2e per unit exactly and kept as
// entered. When that dataset is locked (used by the ledger), a new version is created first: nothing used changes.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { insertFactorsStatement } from "../../db/factor-rows";
import { inOrg } from "../../db/scope";
import { AppError, invalid } from "../../errors";
import { normalizeFactorKey } from "../../factors/keys";
import { FACTOR_KEY_TYPES, FACTOR_METHODS, factorIdentity, type FactorRow } from "../../factors/types";
import { ExactDecimal } from "../../factors/exact";
import { attributePerStoredUnit, toKgCo2ePerUnit } from "../../factors/units";
import { parseDecimal } from "../../text/decimal-text";
import { parseInput } from "../../parse-input";
import { DATASET_SELECT, datasetView } from "./dataset-view";
import { copyAsNewVersion } from "./new-version";
import { FACTOR_FILE_MAX_BYTES, sha256Of, type UploadedFile } from "./read-factor-file";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export const CUSTOM_DATASET_TITLE = "Custom factors";

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "must be a date (yyyy-mm-dd)");

const optionalText = z.string().trim().max(50).optional().transform((v) => v || null);

export const CustomFactorInput = z.object({
  keyType: z.enum(FACTOR_KEY_TYPES, "must be one of " + FACTOR_KEY_TYPES.join(", ")),
  key: z.string().trim().min(1, "must not be empty").max(100),
  year: z.coerce.number("must be a year").int("must be a year").min(1900, "must be a year (1900–2100)").max(2100, "must be a year (1900–2100)"),
  validFrom: optionalDate,
  validTo: optionalDate,
  value: z.string().trim().min(1, "must not be empty"),
  unit: z.string().trim().min(1, "must not be empty"),
  method: z.enum(FACTOR_METHODS, "must be one of " + FACTOR_METHODS.join(", ")).default("SUPPLIER_SPECIFIC"),
  gwpBasis: z.string().trim().max(50).optional().transform((v) => v || null),
  /** E1-5/E1-6 attributes, per the denominator of `unit` as given (decision 0020). */
  energyKwhPerUnit: optionalText,
  biogenicCo2PerUnit: optionalText,
  renewableShare: optionalText,
  description: z.string().trim().min(1, "must say what the factor is (e.g. the supplier and contract)").max(500),
});

export async function addCustomFactor({ ctx, input }: { ctx: ServiceContext; input: { fields: unknown; evidence: UploadedFile | null } }) {
  authorize(ctx, "factor:manage");
  const data = parseInput(CustomFactorInput, input.fields);
  const key = normalizeFactorKey(data.keyType, data.key);
  if (!key.ok) throw invalid(`key ${key.reason}`, [{ field: "key", reason: key.reason }]);
  const value = parseDecimal(data.value);
  if (value === null) throw invalid("value is not a number", [{ field: "value", reason: "is not a number" }]);
  if (value.startsWith("-")) throw invalid("value is negative", [{ field: "value", reason: "is negative; an emission factor is zero or more" }]);
  const converted = toKgCo2ePerUnit(value, data.unit);
  if (!converted.ok) throw invalid(converted.reason, [{ field: "unit", reason: converted.reason }]);
  const attribute = (field: "energyKwhPerUnit" | "biogenicCo2PerUnit" | "renewableShare"): string | null => {
    const t = data[field];
    if (t === null) return null;
    const v = parseDecimal(t);
    if (v === null || v.startsWith("-")) throw invalid(`${field} is not a number ≥ 0`, [{ field, reason: "is not a number ≥ 0" }]);
    if (field === "renewableShare" && new ExactDecimal(v).greaterThan(1)) throw invalid("renewable share is more than 1", [{ field, reason: "is not a share between 0 and 1" }]);
    return field === "renewableShare" ? v : attributePerStoredUnit(v, data.unit, field === "energyKwhPerUnit" ? "energy" : "co2-mass");
  };
  const energyKwhPerUnit = attribute("energyKwhPerUnit");
  const biogenicKgCo2PerUnit = attribute("biogenicCo2PerUnit");
  const renewableShare = attribute("renewableShare");
  if (data.validFrom && data.validTo && data.validTo < data.validFrom) throw invalid("valid to is before valid from", [{ field: "validTo", reason: "is before valid from" }]);
  const evidence = input.evidence;
  if (!evidence || evidence.bytes.byteLength === 0) throw invalid("attach the evidence for this factor (contract, supplier statement…)", [{ field: "evidence", reason: "is required" }]);
  if (evidence.bytes.byteLength > FACTOR_FILE_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `Evidence may be at most ${FACTOR_FILE_MAX_BYTES / 1024 / 1024} MB.`, [{ field: "evidence", reason: "too large" }]);

  const row: FactorRow = {
    keyType: data.keyType,
    key: key.key,
    year: data.year,
    validFrom: data.validFrom,
    validTo: data.validTo,
    value: converted.valueKgCo2e,
    unit: converted.unit,
    sourceValue: converted.sourceValue,
    sourceUnit: converted.sourceUnit,
    method: data.method,
    gwpBasis: data.gwpBasis,
    fossilShare: null,
    nuclearShare: null,
    renewableShare,
    energyKwhPerUnit,
    biogenicKgCo2PerUnit,
    description: data.description,
  };
  const sha256 = sha256Of(evidence.bytes);
  return prisma.$transaction(async (tx) => {
    // One custom-factor change at a time per organization (the "current custom dataset" must not fork).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.organization.id}::text, 712))`;
    let dataset = await tx.emissionFactorDataset.findFirst({
      where: { ...inOrg(ctx), kind: "CUSTOM", nextVersions: { none: {} } },
      orderBy: { createdAt: "desc" },
      select: DATASET_SELECT,
    });
    let newVersion = false;
    if (!dataset) {
      dataset = await tx.emissionFactorDataset.create({
        data: {
          ...inOrg(ctx),
          kind: "CUSTOM",
          publisher: ctx.organization.name,
          title: CUSTOM_DATASET_TITLE,
          version: "1",
          licence: "The organization's own data",
          attribution: null,
          createdById: ctx.userId,
        },
        select: DATASET_SELECT,
      });
      newVersion = true;
    } else if (dataset.lockedAt) {
      const next = /^\d+$/.test(dataset.version) ? String(Number(dataset.version) + 1) : `${dataset.version}.1`;
      dataset = await copyAsNewVersion(tx, ctx, dataset, next);
      newVersion = true;
    }
    const clash = await tx.emissionFactor.findFirst({
      where: { datasetId: dataset.id, keyType: row.keyType, key: row.key, year: row.year, method: row.method },
      select: { id: true },
    });
    if (clash)
      throw new AppError("CONFLICT", `A custom factor for ${row.keyType} ${row.key}, ${row.year}, ${row.method} already exists.`, [
        { field: "key", reason: `already has a factor for ${row.year} with method ${row.method} (${factorIdentity(row)})` },
      ]);
    const file = await tx.evidenceFile.upsert({
      where: { organizationId_sha256: { ...inOrg(ctx), sha256 } },
      update: {},
      create: {
        ...inOrg(ctx),
        sha256,
        fileName: evidence.fileName,
        contentType: evidence.contentType || "application/octet-stream",
        sizeBytes: BigInt(evidence.bytes.byteLength),
        content: new Uint8Array(evidence.bytes),
        uploadedById: ctx.userId,
      },
      select: { id: true },
    });
    const statement = insertFactorsStatement(dataset.id, ctx.organization.id, [row], file.id);
    await tx.$executeRawUnsafe(statement.text, ...statement.values);
    const factor = await tx.emissionFactor.findFirstOrThrow({
      where: { datasetId: dataset.id, keyType: row.keyType, key: row.key, year: row.year, method: row.method },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "factor.custom-added",
      entityType: "EmissionFactor",
      entityId: factor.id,
      after: { datasetId: dataset.id, datasetVersion: dataset.version, ...row, evidenceFileId: file.id, evidenceSha256: sha256 },
    });
    return { factorId: factor.id, dataset: datasetView(dataset), newDatasetVersion: newVersion, value: row.value, unit: row.unit, sourceValue: row.sourceValue, sourceUnit: row.sourceUnit };
  }).then(thenRecalculate(ctx, "all"));
}

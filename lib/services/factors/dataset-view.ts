// A factor dataset as pages, routes and the PDF see it: plain data, dates as ISO strings.
import type { FactorDatasetKind } from "../../generated/prisma/enums";
import type { DatasetView } from "../../views/factors";

export interface DatasetRow {
  id: string;
  organizationId: string | null;
  kind: FactorDatasetKind;
  publisher: string;
  title: string;
  version: string;
  year: number | null;
  licence: string;
  url: string | null;
  retrievedAt: Date | null;
  gwpBasis: string | null;
  attribution: string | null;
  sha256: string | null;
  previousVersionId: string | null;
  lockedAt: Date | null;
  createdAt: Date;
}

export const DATASET_SELECT = {
  id: true,
  organizationId: true,
  kind: true,
  publisher: true,
  title: true,
  version: true,
  year: true,
  licence: true,
  url: true,
  retrievedAt: true,
  gwpBasis: true,
  attribution: true,
  sha256: true,
  previousVersionId: true,
  lockedAt: true,
  createdAt: true,
} as const;

export function datasetView(d: DatasetRow): DatasetView {
  return {
    id: d.id,
    kind: d.kind,
    shipped: d.organizationId === null,
    publisher: d.publisher,
    title: d.title,
    version: d.version,
    year: d.year,
    licence: d.licence,
    url: d.url,
    retrievedAt: d.retrievedAt?.toISOString().slice(0, 10) ?? null,
    gwpBasis: d.gwpBasis,
    attribution: d.attribution,
    sha256: d.sha256,
    previousVersionId: d.previousVersionId,
    lockedAt: d.lockedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

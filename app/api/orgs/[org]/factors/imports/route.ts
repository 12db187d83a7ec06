// POST (multipart: the dataset's provenance fields and a "file"): import the factor CSV as a dataset, all or nothing.
// 201 with the dataset; 200 with the earlier dataset when the same file was imported before (nothing changes).
import { FACTOR_FILE_MAX_BYTES } from "@/lib/services/factors/read-factor-file";
import { importFactorDataset } from "@/lib/services/factors/import-factor-dataset";
import { readForm, requireFile } from "../../../../_lib/form";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

export const POST = orgRoute(async ({ ctx, req }) => {
  const { fields, files } = await readForm(req, FACTOR_FILE_MAX_BYTES);
  const result = await importFactorDataset({ ctx, input: { provenance: fields, file: requireFile(files, "file") } });
  return Response.json(result, { status: result.duplicateFile ? 200 : 201 });
});

// POST (multipart: the dataset's provenance fields and a "file"): what importing this factor CSV would do. Writes nothing.
import { FACTOR_FILE_MAX_BYTES } from "@/lib/services/factors/read-factor-file";
import { previewFactorImport } from "@/lib/services/factors/preview-factor-import";
import { readForm, requireFile } from "../../../../../_lib/form";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

export const POST = orgRoute(async ({ ctx, req }) => {
  const { fields, files } = await readForm(req, FACTOR_FILE_MAX_BYTES);
  return previewFactorImport({ ctx, input: { provenance: fields, file: requireFile(files, "file") } });
});

import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { listImports } from "@/lib/services/list-imports";
import { uploadCodecarbonFile } from "@/lib/services/upload-codecarbon-file";
import { orgRoute } from "../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(({ ctx }) => listImports({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => {
  const maxBytes = serverEnv().SCOPEBOOK_MAX_UPLOAD_BYTES;
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes + 64 * 1024)
    throw new AppError("PAYLOAD_TOO_LARGE", `The upload is ${declared} bytes; the limit is ${maxBytes} bytes.`);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("VALIDATION", "Send the file as multipart/form-data in a field named \"file\".", [{ field: "file", reason: "missing" }]);
  }
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError("VALIDATION", "Send the file as multipart/form-data in a field named \"file\".", [{ field: "file", reason: "missing" }]);
  const result = await uploadCodecarbonFile({
    ctx,
    input: { fileName: file.name, contentType: file.type, bytes: Buffer.from(await file.arrayBuffer()), maxBytes },
  });
  return Response.json(result, { status: result.duplicateFile ? 200 : 201 });
});

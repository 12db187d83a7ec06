// multipart/form-data for the small-file routes (factor CSVs, evidence): the form's text fields and files, with a
// clear 413/415/422 instead of a crash on a body that is too large, not a form, or malformed.
import { AppError } from "@/lib/errors";

export interface FormFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function readForm(req: Request, maxBytes: number): Promise<{ fields: Record<string, string>; files: Record<string, FormFile> }> {
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send a multipart/form-data form (fields and the file).");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", `The request is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB.`, [{ field: "file", reason: "too large" }]);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("VALIDATION", "The form could not be read.", [{ field: "body", reason: "malformed multipart/form-data" }]);
  }
  const fields: Record<string, string> = {};
  const files: Record<string, FormFile> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (value.size > 0 || value.name) files[name] = { fileName: value.name || name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, files };
}

export function requireFile(files: Record<string, FormFile>, name: string): FormFile {
  const f = files[name];
  if (!f) throw new AppError("VALIDATION", `Attach the file ("${name}").`, [{ field: name, reason: "is required" }]);
  return f;
}

// The body of a form-backed create route: JSON, or multipart/form-data with an optional "evidence" file (the
// entry forms attach invoices and certificates). Anything else is a 415; a broken body a 422.
import { AppError } from "@/lib/errors";
import type { Attachment } from "@/lib/services/activity/evidence";
import { readJson } from "./route";

export async function readEntryBody(req: Request): Promise<{ fields: unknown; evidence: Attachment | null }> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) return { fields: await readJson(req), evidence: null };
  if (!type.startsWith("multipart/form-data")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON or multipart/form-data.");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("VALIDATION", "The form data could not be read.", [{ field: "body", reason: "invalid multipart body" }]);
  }
  const fields: Record<string, string> = {};
  let evidence: Attachment | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "evidence" && value.size > 0)
      evidence = { fileName: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, evidence };
}


// A body that is JSON, or multipart form data with files under "attachments": the fields and the files as bytes.
import type { Attachment } from "@/lib/services/activity/evidence";
import { readActionBody } from "./action-body";

export async function readFieldsAndFiles(req: Request): Promise<{ fields: Record<string, unknown>; files: Attachment[] }> {
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return { fields: await readActionBody(req), files: [] };
  const form = await req.formData();
  const fields: Record<string, unknown> = {};
  const files: Attachment[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "attachments" && value.size > 0) files.push({ fileName: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { fields, files };
}

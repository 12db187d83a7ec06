// The body of an action route (submit, approve, reopen): optional JSON; an empty body is no fields.
import { readJson } from "./route";

export async function readActionBody(req: Request): Promise<Record<string, unknown>> {
  if ((req.headers.get("content-length") ?? "") === "0" || !(req.headers.get("content-type") ?? "").startsWith("application/json")) return {};
  const body = await readJson(req);
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

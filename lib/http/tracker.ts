// HTTP for CodeCarbon's live API (/api/codecarbon/…), independent of the web framework: the Next route handlers
// (app/api/codecarbon/**) and the optional emissions fast path (scripts/lib/server.ts) both go through
// handleTrackerRequest: project token → context → one service → exact JSON (lib/json-exact.ts).
// Errors: our { error: { code, message, issues } } plus FastAPI's `detail` (what CodeCarbon's own server sends),
// so the tracker's log shows the reason. Bad input is never a 500; unknown errors are logged and answered 500.
import { randomUUID } from "node:crypto";
import { apiTokenFromHeaders, requireApiToken, type ApiTokenContext } from "../auth/api-token";
import { AppError } from "../errors";
import { JsonSyntaxError, parseJsonExact, stringifyJsonExact } from "../json-exact";
import { addEmission } from "../services/tracker-api/add-emission";

/** Tracker payloads are a few hundred bytes; anything past this is not a tracker. */
export const MAX_TRACKER_BODY_BYTES = 256 * 1024;

export interface TrackerHttpRequest {
  headers: { get(name: string): string | null | undefined };
  /** The body as text; may throw AppError PAYLOAD_TOO_LARGE. */
  text(): Promise<string>;
  params: Record<string, string>;
  query: Record<string, string>;
}

export interface TrackerHttpReply {
  status: number;
  body: string;
}

export interface TrackerArgs {
  ctx: ApiTokenContext;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The JSON object body, numbers exact. */
  body: () => Promise<unknown>;
}

export type TrackerHandler = (args: TrackerArgs) => Promise<unknown>;

export const JSON_HEADERS = { "content-type": "application/json" } as const;

function errorReply(err: unknown): TrackerHttpReply {
  if (!(err instanceof AppError)) {
    console.error("[scopebook] unexpected error in the tracker API", err);
    return { status: 500, body: JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side; nothing was changed." }, detail: "Internal error" }) };
  }
  const detail =
    err.code === "VALIDATION" && err.issues.length
      ? err.issues.map((i) => ({ loc: ["body", ...i.field.split(".")], msg: i.reason, type: "value_error" }))
      : err.message;
  return { status: err.status, body: stringifyJsonExact({ error: { code: err.code, message: err.message, issues: err.issues }, detail }) };
}

async function readBody(req: TrackerHttpRequest): Promise<unknown> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_TRACKER_BODY_BYTES) throw bodyTooLarge();
  const text = await req.text();
  let body: unknown;
  try {
    body = parseJsonExact(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    throw new AppError("VALIDATION", `The request body is not valid JSON (${err.message}).`, [{ field: "body", reason: `invalid JSON: ${err.message}` }]);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("VALIDATION", "The request body must be a JSON object.", [{ field: "body", reason: "must be a JSON object" }]);
  return body;
}

export const bodyTooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `A tracker request body is at most ${MAX_TRACKER_BODY_BYTES} bytes.`);

/** Token auth, then fn; its result as exact JSON with `status`; every error mapped. */
export async function handleTrackerRequest(req: TrackerHttpRequest, fn: TrackerHandler, status = 200): Promise<TrackerHttpReply> {
  try {
    const ctx = await requireApiToken({ token: apiTokenFromHeaders(req.headers), requestId: req.headers.get("x-request-id") ?? randomUUID() });
    const result = await fn({ ctx, params: req.params, query: req.query, body: () => readBody(req) });
    return { status, body: stringifyJsonExact(result) };
  } catch (err) {
    return errorReply(err);
  }
}

/** POST /emissions: carbonserver answers 201 with the emission's UUID (a JSON string); a retried duplicate gets the same. */
export const postEmission: TrackerHandler = async ({ ctx, body }) => (await addEmission({ ctx, input: await body() })).id;

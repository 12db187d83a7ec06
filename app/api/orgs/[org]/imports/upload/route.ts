// Upload a file as the raw request body (PUT or POST), streamed to disk: never buffered whole, not limited by a
// default body size. Outside the proxy (proxy.ts), so the body is not cloned; the session is checked here.
//   curl -T emissions.csv -b <session cookie> 'http://127.0.0.1:3000/api/orgs/<org>/imports/upload?name=emissions.csv'
// → 201 with the preview (PREVIEW), or 200 with the earlier import when the same bytes were uploaded before.
// ?confirm=true confirms at once (202: written in the background). ?source=GCP_CARBON_EXPORT (or an "x-source"
// header) declares the source: a file detected as another one is refused (422) naming what it looks like.
import { Readable } from "node:stream";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { confirmImport } from "@/lib/services/imports/confirm-import";
import { uploadImport } from "@/lib/services/imports/upload-import";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

function fileNameOf(req: Request): string {
  const url = new URL(req.url);
  const header = req.headers.get("x-file-name");
  const name = url.searchParams.get("name") ?? (header ? decodeURIComponent(header) : "");
  if (!name) throw new AppError("VALIDATION", 'Name the file: ?name=emissions.csv (or an "x-file-name" header).', [{ field: "name", reason: "missing" }]);
  return name;
}

const upload = orgRoute(async ({ ctx, req }) => {
  if ((req.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the file's bytes as the request body, not as a form (e.g. curl -T emissions.csv '…/imports/upload?name=emissions.csv').",
    );
  const fileName = fileNameOf(req);
  const declared = req.headers.get("content-length");
  const body = req.body ? Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>) : Readable.from([]);
  let result;
  try {
    result = await uploadImport({
      ctx,
      input: {
        fileName,
        contentType: req.headers.get("content-type")?.split(";")[0] ?? "",
        body,
        maxBytes: serverEnv().SCOPEBOOK_MAX_UPLOAD_BYTES,
        declaredBytes: declared ? Number(declared) : undefined,
        sourceType: new URL(req.url).searchParams.get("source") ?? req.headers.get("x-source"),
      },
    });
  } catch (err) {
    // The client went away mid-upload: the temp file is gone already; nobody is left to answer.
    if (req.signal.aborted || (err as NodeJS.ErrnoException)?.code === "ECONNRESET" || (err as Error)?.name === "AbortError")
      return Response.json({ error: { code: "VALIDATION", message: "The upload was interrupted; nothing was kept." } }, { status: 400 });
    throw err;
  }
  if (new URL(req.url).searchParams.get("confirm") === "true" && result.import.status === "PREVIEW") {
    const confirmed = await confirmImport({ ctx, input: { importId: result.importId } });
    return Response.json({ ...result, import: confirmed }, { status: 202 });
  }
  return Response.json(result, { status: result.duplicateFile ? 200 : 201 });
});

export const PUT = upload;
export const POST = upload;

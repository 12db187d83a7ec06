// Downloads: a stored evidence file streamed with its name and sha256, or a generated CSV.
import { Readable } from "node:stream";
import type { EvidenceDownload } from "@/lib/services/imports/download-import-file";

export function fileResponse(file: EvidenceDownload): Response {
  return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.sizeBytes),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-sha256": file.sha256,
    },
  });
}

export function csvDownload(fileName: string, text: string): Response {
  return new Response(text, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` } });
}

/** A generated file streamed as it is produced (big exports). */
export function streamDownload(file: { fileName: string; contentType: string; stream(): Readable }): Response {
  return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}` },
  });
}

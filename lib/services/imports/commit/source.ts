// The bytes of an import's evidence, as a stream: from the uploads folder for large files, from the database
// for small ones (lib/storage/uploads.ts).
import { Readable } from "node:stream";
import { READ_CHUNK, openStored } from "../../../storage/uploads";

export interface EvidenceBytes {
  content: Uint8Array | null;
  storagePath: string | null;
}


export function evidenceStream(evidence: EvidenceBytes): Readable {
  if (evidence.storagePath) return openStored(evidence.storagePath);
  const content = evidence.content ?? new Uint8Array(0);
  return Readable.from(
    (function* () {
      for (let at = 0; at < content.length; at += READ_CHUNK) yield Buffer.from(content.buffer, content.byteOffset + at, Math.min(READ_CHUNK, content.length - at));
    })(),
  );
}

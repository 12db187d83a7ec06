// Bytes of an uploaded file → text → the matching source adapter's reader → a RowSink. Chunk by chunk, so the
// upload (preview) and the confirmed commit both stream a file of any size through the same code.
import { adapterFor } from "../registry";
import type { RowSink, SourceAdapter, SourceReader, SourceTypeName } from "../source";
import { IngestFileError } from "../types";

/** Strict UTF-8 with a clear refusal of binary files (a NUL byte never occurs in CSV or JSON text). */
class Utf8Text {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private first = true;

  decode(chunk: Uint8Array, final = false): string {
    if (this.first && chunk.length >= 2) {
      this.first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        throw new IngestFileError("not-utf8", "This file is UTF-16 text; CodeCarbon writes UTF-8. Save it as UTF-8 and upload it again.");
    }
    if (chunk.indexOf(0) !== -1)
      throw new IngestFileError("binary", "This is a binary file, not text: upload the CSV or JSON file the tracker wrote.");
    try {
      return this.decoder.decode(chunk, { stream: !final });
    } catch {
      throw new IngestFileError("not-utf8", "This file is not UTF-8 text (CodeCarbon writes UTF-8): it may be binary or saved in another encoding.");
    }
  }
}

/** How many characters to look at before choosing the adapter (a cloud export's header line fits). */
export const SNIFF_CHARS = 4096;

export class ByteFeed {
  private readonly text = new Utf8Text();
  private reader: SourceReader | null = null;
  private head = "";
  adapter: SourceAdapter | null = null;
  bytes = 0;

  /**
   * `declared`: the source the file must be (chosen by the user, or the one its import was previewed as);
   * a file detected as another source is refused (registry.ts adapterFor).
   */
  constructor(
    private readonly fileName: string,
    private readonly sink: RowSink,
    private readonly declared: SourceTypeName | null = null,
  ) {}

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.feed(this.text.decode(chunk), false);
  }

  end(): void {
    this.feed(this.text.decode(new Uint8Array(0), true), true);
    if (!this.reader) throw new IngestFileError("empty", "The file is empty.");
    this.reader.end(this.sink);
  }

  private feed(text: string, final: boolean): void {
    if (this.reader) {
      if (text) this.reader.push(text, this.sink);
      return;
    }
    this.head += text;
    const start = this.head.replace(/^\uFEFF/, "").trimStart();
    if (!start && !final) return;
    if (start.length < SNIFF_CHARS && !final) return;
    if (!start) return; // only whitespace: end() reports an empty file
    this.adapter = adapterFor(this.fileName, start.slice(0, SNIFF_CHARS), this.declared);
    this.sink.adapter?.(this.adapter);
    this.reader = this.adapter.createReader() as SourceReader;
    this.reader.push(this.head, this.sink);
    this.head = "";
  }
}

// Reads a fixture the way an upload is read: bytes streamed through ByteFeed (in chunks of `chunk` bytes) into
// the preview, keeping the mapped rows and row errors too.
import { ByteFeed } from "../../lib/ingest/pipeline/byte-feed";
import { ConflictGuard } from "../../lib/ingest/pipeline/conflicts";
import { PreviewCollector, type ImportPreview } from "../../lib/ingest/pipeline/preview";
import type { RowSink, SourceTypeName } from "../../lib/ingest/source";
import type { MappedRow } from "../../lib/ingest/sources/codecarbon-csv/map-row";
import type { RowError } from "../../lib/ingest/types";
import { fixtureBytes } from "./fixtures";

export interface ReadFixture<R = MappedRow> {
  adapter: string | undefined;
  preview: ImportPreview;
  rows: R[];
  errors: RowError[];
}

export function readFixture<R = MappedRow>(name: string, chunk = Infinity, declared: SourceTypeName | null = null): ReadFixture<R> {
  return readBytes<R>(fixtureBytes(name), name.split("/").pop()!, chunk, declared);
}

/** The same for bytes in memory, read as a file of that name. */
export function readBytes<R = MappedRow>(bytes: Buffer, fileName: string, chunk = Infinity, declared: SourceTypeName | null = null): ReadFixture<R> {
  const collector = new PreviewCollector();
  const rows: R[] = [];
  const errors: RowError[] = [];
  const sink: RowSink = {
    adapter: (a) => collector.adapter(a),
    header: (h) => collector.header(h),
    row: (r) => (rows.push(r as R), collector.row(r)),
    retract: (n) => (rows.splice(rows.findIndex((r) => (r as { rowNumber: number }).rowNumber === n), 1), collector.retract(n)),
    failed: (n, e) => (errors.push(...e), collector.failed(n, e)),
  };
  const guard = new ConflictGuard(sink);
  const feed = new ByteFeed(fileName, guard, declared);
  const step = Math.min(chunk, Math.max(1, bytes.length));
  for (let at = 0; at < bytes.length; at += step) feed.push(bytes.subarray(at, at + step));
  feed.end();
  const preview = collector.finish();
  preview.conflicts = guard.conflicts;
  return { adapter: feed.adapter?.id, preview, rows, errors };
}

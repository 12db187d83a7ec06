// A batch of mapped rows in the compact form the writer needs, built as rows are read:
// - per row: its hash, run id, and the tail of its COPY line as bytes in one buffer (ASCII only: checked numbers,
//   hashes, timestamps) — "row_number\trow_hash\tkind\tmeasured_at\tquantities…\n";
// - per run: its first timestamp and, once the batch is sealed, its latest row's staging line as bytes;
// - per row without a run id: its staging line as bytes (it becomes a run of its own if it is new).
// No mapped row and no cell of the file outlives the batch's reading: cells are slices of whole chunks of the file
// (see pipeline/preview.ts `detach`), and holding one would hold its chunk.
import type { MappedRow } from "../../records/measurement";
import { runStageTail } from "./runs";

const own = (s: string) => Buffer.from(s, "utf8").toString("utf8");

/** Strings of consecutive rows are mostly equal (same run, project): copy each distinct value once. */
class Owned {
  private raw: string | null = null;
  private copy: string | null = null;
  get(value: string | null): string | null {
    if (value === null) return null;
    if (value !== this.raw) {
      this.raw = value;
      this.copy = own(value);
    }
    return this.copy;
  }
}

/**
 * Large buffers of batches already written, for the next batches to reuse: a commit has two or three batches alive
 * at a time (one written, one read), and allocating ~10 MB afresh per batch fragments the allocator's heap (peak
 * RSS grew with it). Single-threaded: a buffer is handed out again only after its batch released it.
 */
const spare: Buffer[] = [];
const SPARE_MAX = 2;

/** After a commit: the spare buffers are let go (another running commit then simply allocates afresh). */
export function dropSpareBuffers(): void {
  spare.length = 0;
}

function takeBuffer(capacity: number): Buffer {
  const i = spare.findIndex((b) => b.length >= capacity);
  return i === -1 ? Buffer.allocUnsafe(capacity) : spare.splice(i, 1)[0];
}

/** Bytes appended in place, growing by doubling. */
export class ByteList {
  private buf: Buffer;
  private readonly starts: number[] = [];
  private used = 0;

  constructor(capacity: number) {
    this.buf = takeBuffer(capacity);
  }

  get bytes(): number {
    return this.used;
  }

  get length(): number {
    return this.starts.length;
  }

  push(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > this.buf.length) {
      const next = takeBuffer(Math.max(this.buf.length * 2, this.used + bytes));
      this.buf.copy(next, 0, 0, this.used);
      this.buf = next; // the outgrown buffer is too small to be worth keeping: left to the garbage collector
    }
    this.starts.push(this.used);
    this.used += this.buf.write(text, this.used, "utf8");
  }

  get(i: number): Buffer {
    return this.buf.subarray(this.starts[i], i + 1 < this.starts.length ? this.starts[i + 1] : this.used);
  }

  /** Gives the buffer back for reuse; the list must not be read afterwards. */
  release(): void {
    if (spare.length < SPARE_MAX && this.buf.length >= 1 << 20) spare.push(this.buf);
  }
}

export interface RunDraft {
  key: string;
  projectName: string;
  experimentId: string | null;
  startedAt: string;
  /** Staging line after project and experiment ids (runs.ts): set when the batch is sealed. */
  tail: Buffer | null;
}

interface OpenRun {
  draft: RunDraft;
  /** Timestamp of the run's latest row so far (own copy). */
  lastAt: string;
  /** The run's latest row while the batch is still on this run; turned into draft.tail when it moves on. */
  pending: MappedRow | null;
}

export interface UnknownRow {
  index: number;
  projectName: string;
  experimentId: string | null;
  startedAt: string;
  tail: Buffer;
}

export class MeasurementBatch {
  readonly hashes: string[] = [];
  /** Per row: the run id from the file, or null (run identity unknown). */
  readonly runKeys: (string | null)[] = [];
  private readonly tails: ByteList;
  private readonly open = new Map<string, OpenRun>();
  private current: OpenRun | null = null;
  readonly runs: RunDraft[] = [];
  readonly unknown: UnknownRow[] = [];
  private readonly unknownTails = new ByteList(64 * 1024);
  private readonly runIds = new Owned();
  private readonly projects = new Owned();
  private readonly experiments = new Owned();

  /** expectedBytes: of the rows' COPY tails (the previous batch's size is a good guess: no growing). */
  constructor(expectedRows: number, expectedBytes = expectedRows * 360) {
    this.tails = new ByteList(expectedBytes);
  }

  /** Bytes of the rows' COPY tails so far. */
  get bytes(): number {
    return this.tails.bytes;
  }

  get size(): number {
    return this.hashes.length;
  }

  add(r: MappedRow): void {
    let tail = `${r.rowNumber}\t${r.rowHash}\tCUMULATIVE\t${r.measuredAt}`;
    for (const v of r.quantities) tail += v === null ? "\t\\N" : `\t${v}`;
    this.tails.push(tail + "\n");
    const runKey = this.runIds.get(r.runId);
    if (runKey === null) {
      this.unknownTails.push(runStageTail(r));
      this.unknown.push({
        index: this.hashes.length,
        projectName: this.projects.get(r.projectName)!,
        experimentId: this.experiments.get(r.experimentId),
        startedAt: own(r.measuredAt),
        tail: Buffer.alloc(0),
      });
    } else {
      let run = this.open.get(runKey);
      if (run !== this.current) this.settle();
      if (!run) {
        const draft: RunDraft = { key: runKey, projectName: this.projects.get(r.projectName)!, experimentId: this.experiments.get(r.experimentId), startedAt: own(r.measuredAt), tail: null };
        run = { draft, lastAt: "", pending: null };
        this.open.set(runKey, run);
        this.runs.push(draft);
      }
      this.current = run;
      if (r.measuredAt < run.draft.startedAt) run.draft.startedAt = own(r.measuredAt);
      if (r.measuredAt > (run.pending?.measuredAt ?? run.lastAt)) run.pending = r;
    }
    this.hashes.push(r.rowHash);
    this.runKeys.push(runKey);
  }

  /**
   * The run the batch was on gets its staging line from its latest row, and lets the row go (rows of a run are
   * mostly consecutive: one line per stretch of a run, and no mapped row — nor the chunk of text its cells come
   * from — is kept alive).
   */
  private settle(): void {
    const run = this.current;
    if (!run?.pending) return;
    run.draft.tail = Buffer.from(runStageTail(run.pending), "utf8");
    run.lastAt = own(run.pending.measuredAt);
    run.pending = null;
  }

  /** Ends the batch: every run has its staging line, every mapped row is let go. */
  seal(): void {
    this.settle();
    this.current = null;
    this.open.clear();
    this.unknown.forEach((u, i) => (u.tail = this.unknownTails.get(i)));
  }

  /** The COPY tail bytes of row i. */
  tail(i: number): Buffer {
    return this.tails.get(i);
  }

  /** Once the batch is written: its buffer goes to the next batches; the batch must not be read afterwards. */
  release(): void {
    this.tails.release();
  }

  /** Row i's timestamp, read back from its tail (its 4th field): needed only for the rows looked up as duplicates. */
  measuredAt(i: number): string {
    return this.tails.get(i).toString("latin1").split("\t", 4)[3];
  }
}

// Rows of one file that state the same thing twice with different values — the same key and version (a record
// kind's conflictKey) but another row hash — are conflicts: every row of such a key becomes a row error, none is
// imported, nothing is guessed. Identical rows are duplicates and pass (the preview counts them, the writer skips
// them). The preview pass finds the conflicting keys (in bounded memory: 12 bytes a row); the commit and the
// errors download read the file again and fail the same rows with the same reasons from that list.
import { kindSpec } from "../kinds";
import type { RecordKindSpec } from "../kinds/kind";
import type { IngestRecord, RowSink, SourceAdapter, SourceHeader } from "../source";
import type { RowError } from "../types";
import { stringHex64 } from "./hash-set64";

export interface FileConflict {
  /** 64-bit hash of the conflict key, as 16 hex digits. */
  key: string;
  /** The first row of the file with that key. */
  firstRow: number;
}

/** Conflicting keys kept with an import (a file with more fails as a whole: see ConflictGuard.row). */
export const MAX_CONFLICTS = 100_000;

/** Open addressing over typed arrays: 64-bit key → (first row, fingerprint of its values). */
class FirstRows {
  private hi = new Uint32Array(1 << 14);
  private lo = new Uint32Array(1 << 14);
  private row = new Int32Array(1 << 14);
  private fp = new Uint32Array(1 << 14);
  private used = new Uint8Array(1 << 14);
  private size = 0;

  /** The slot's row and fingerprint when the key is there; otherwise adds it and returns null. */
  seen(key: string, rowNumber: number, fingerprint: number): { row: number; fp: number } | null {
    const hi = parseInt(key.slice(0, 8), 16) >>> 0;
    const lo = parseInt(key.slice(8, 16), 16) >>> 0;
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) {
      if (this.hi[i] === hi && this.lo[i] === lo) return { row: this.row[i], fp: this.fp[i] };
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.row[i] = rowNumber;
    this.fp[i] = fingerprint;
    this.size++;
    return null;
  }

  private grow(): void {
    const { hi, lo, row, fp, used } = this;
    const n = used.length * 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.row = new Int32Array(n);
    this.fp = new Uint32Array(n);
    this.used = new Uint8Array(n);
    this.size = 0;
    for (let i = 0; i < used.length; i++)
      if (used[i]) this.seen(hi[i].toString(16).padStart(8, "0") + lo[i].toString(16).padStart(8, "0"), row[i], fp[i]);
  }
}

const firstReason = "same key and version as a later row of this file with different values: a conflict, not a restatement (neither row is imported)";
const laterReason = (first: number) =>
  `same key and version as row ${first} with different values: a conflict, not a restatement (neither row is imported)`;

export class ConflictGuard implements RowSink {
  private spec: RecordKindSpec<IngestRecord> | null = null;
  private readonly first = new FirstRows();
  /** Conflicting keys found (preview pass) or given (later passes), by key → first row. */
  private readonly conflicting: Map<string, number>;
  private readonly detecting: boolean;

  /** `known`: the conflicts the preview found (commit, errors download); null to find them (preview). */
  constructor(
    private readonly inner: RowSink,
    known: readonly FileConflict[] | null = null,
  ) {
    this.detecting = known === null;
    this.conflicting = new Map((known ?? []).map((c) => [c.key, c.firstRow]));
  }

  get conflicts(): FileConflict[] {
    return [...this.conflicting].map(([key, firstRow]) => ({ key, firstRow }));
  }

  adapter(adapter: SourceAdapter): void {
    this.spec = kindSpec(adapter.recordKind);
    this.inner.adapter?.(adapter);
  }

  header(info: SourceHeader): void {
    this.inner.header(info);
  }

  failed(rowNumber: number, errors: RowError[], raw?: readonly string[]): void {
    this.inner.failed(rowNumber, errors, raw);
  }

  row(r: IngestRecord): void {
    const spec = this.spec!;
    if (!spec.conflictKey) return this.inner.row(r);
    const key = stringHex64(spec.conflictKey(r));
    const rowNumber = spec.rowNumber(r);
    const fail = (reason: string) => this.inner.failed(rowNumber, [{ row: rowNumber, column: null, value: null, reason }]);
    if (!this.detecting) {
      const firstRow = this.conflicting.get(key);
      if (firstRow === undefined) return this.inner.row(r);
      return fail(firstRow === rowNumber ? firstReason : laterReason(firstRow));
    }
    const known = this.conflicting.get(key);
    if (known !== undefined) return fail(laterReason(known));
    const fingerprint = parseInt(spec.rowHash(r).slice(0, 8), 16) >>> 0;
    const earlier = this.first.seen(key, rowNumber, fingerprint);
    if (!earlier || earlier.fp === fingerprint) return this.inner.row(r);
    if (this.conflicting.size >= MAX_CONFLICTS) throw new Error(`more than ${MAX_CONFLICTS} conflicting keys in one file`);
    this.conflicting.set(key, earlier.row);
    // The earlier row was taken as valid: it is taken back and reported with this one.
    this.inner.retract?.(earlier.row);
    this.inner.failed(earlier.row, [{ row: earlier.row, column: null, value: null, reason: firstReason }]);
    fail(laterReason(earlier.row));
  }
}

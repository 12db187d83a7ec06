// Rows of one file that state the same thing twice with different values — the same key and version (a record
// kind's conflictKey) but another row hash — are conflicts: every row of such a key becomes a row error, none is
// imported, nothing is guessed. Identical rows are duplicates and pass (the preview counts them, the writer skips
// them). The preview pass finds the conflicting keys (in bounded memory: 12 bytes a row); the commit and the
// errors download read the file again and fail the same rows with the same reasons from that list.
import { kindSpec } from "../kinds";
import type { RecordKindSpec } from "../kinds/kind";
import type { IngestRecord, RowSink, SourceAdapter, SourceHeader } from "../source";
import type { RowError } from "../types";
import { stringKey64 } from "../../records/hash-set64";

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
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private row = new Int32Array(1 << 16);
  private fp = new Uint32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private size = 0;
  /** After seen() returned true: the first row and fingerprint of the key. */
  foundRow = 0;
  foundFp = 0;

  /** Whether the key was there (then foundRow/foundFp tell its first row); otherwise adds it. */
  seen(hi: number, lo: number, rowNumber: number, fingerprint: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) {
      if (this.hi[i] === hi && this.lo[i] === lo) {
        this.foundRow = this.row[i];
        this.foundFp = this.fp[i];
        return true;
      }
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.row[i] = rowNumber;
    this.fp[i] = fingerprint;
    this.size++;
    return false;
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
    for (let i = 0; i < used.length; i++) if (used[i]) this.seen(hi[i], lo[i], row[i], fp[i]);
  }
}

const hex64 = (k: Uint32Array) => k[0].toString(16).padStart(8, "0") + k[1].toString(16).padStart(8, "0");

const firstReason = "same key and version as a later row of this file with different values: a conflict, not a restatement (neither row is imported)";
const laterReason = (first: number) =>
  `same key and version as row ${first} with different values: a conflict, not a restatement (neither row is imported)`;

export class ConflictGuard implements RowSink {
  private spec: RecordKindSpec<IngestRecord> | null = null;
  private readonly first = new FirstRows();
  private readonly k = new Uint32Array(2);
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
    stringKey64(spec.conflictKey(r), this.k);
    const rowNumber = spec.rowNumber(r);
    const fail = (reason: string) => this.inner.failed(rowNumber, [{ row: rowNumber, column: null, value: null, reason }]);
    if (!this.detecting) {
      if (!this.conflicting.size) return this.inner.row(r);
      const firstRow = this.conflicting.get(hex64(this.k));
      if (firstRow === undefined) return this.inner.row(r);
      return fail(firstRow === rowNumber ? firstReason : laterReason(firstRow));
    }
    const fingerprint = parseInt(spec.rowHash(r).slice(0, 8), 16) >>> 0;
    if (!this.first.seen(this.k[0], this.k[1], rowNumber, fingerprint)) return this.inner.row(r);
    const key = hex64(this.k);
    const known = this.conflicting.get(key);
    if (known !== undefined) return fail(laterReason(known));
    if (this.first.foundFp === fingerprint) return this.inner.row(r);
    const earlier = this.first.foundRow;
    if (this.conflicting.size >= MAX_CONFLICTS) throw new Error(`more than ${MAX_CONFLICTS} conflicting keys in one file`);
    this.conflicting.set(key, earlier);
    // The earlier row was taken as valid: it is taken back and reported with this one.
    this.inner.retract?.(earlier);
    this.inner.failed(earlier, [{ row: earlier, column: null, value: null, reason: firstReason }]);
    fail(laterReason(earlier));
  }
}

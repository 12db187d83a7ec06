// The evidence pack is a list of sections (decision 0028); each contributes files. To add one (samples, inquiries,
// analytics, the representation letter): write lib/services/assurance/pack/sections/<name>.ts exporting a
// PackSection and add it to SECTIONS in sections/index.ts. The builder hashes every file into MANIFEST.json and
// SHA256SUMS and zips them deterministically; a section only says what its files hold.
import type { Tx } from "../../../db/client";
import type { prisma } from "../../../db/client";
import type { ReportContent } from "../../../reporting/content";
import type { OrgKey } from "../signing-key";

export interface PackFile {
  /** Relative, forward slashes, no `..` (checked by the builder). */
  path: string;
  /** What the file is for the auditor: "statement", "ledger", "source", "audit-log"… (MANIFEST.json files[].role). */
  role: string;
  mediaType: string;
  /** Small files: the bytes. */
  bytes?: Buffer;
  /** Large files: written chunk by chunk (awaiting `write` is the backpressure); never held whole in memory. */
  stream?: (write: (chunk: string | Buffer) => Promise<void>) => Promise<void>;
}

export interface PackContext {
  db: typeof prisma | Tx;
  organization: { id: string; name: string; slug: string };
  period: { id: string; name: string; startDate: Date; endDate: Date };
  version: { id: string; number: number; content: string; sha256: string; calculationVersionId: string; approvedAt: Date; submittedAt: Date; auditHeadSeq: number; auditHeadHash: string };
  content: ReportContent;
  key: OrgKey;
  checkpoint: { note: string; treeSize: number; rootHash: string; timestamp: Date; id: string };
  /** Facts a section learns while producing its files (e.g. the ledger root), named in MANIFEST.json. */
  facts: Record<string, unknown>;
}

export interface PackSection {
  name: string;
  files(pc: PackContext): Promise<PackFile[]>;
}

/** One CSV record (RFC 4180: quoted only when it must be), without the line end. */
const NEEDS_QUOTES = /[",\r\n]/;
export function csvRecord(fields: (string | number | null | undefined)[]): string {
  let out = "";
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const s = f === null || f === undefined ? "" : typeof f === "number" ? String(f) : NEEDS_QUOTES.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
    out += i === 0 ? s : "," + s;
  }
  return out;
}

export const csvFile = (header: string[], rows: (string | number | null | undefined)[][]): Buffer =>
  Buffer.from([header, ...rows].map((r) => csvRecord(r) + "\n").join(""));

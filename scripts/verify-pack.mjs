#!/usr/bin/env node
// Scopebook evidence pack verifier (decision 0028). Node 20+ built-ins only; the same file is verify/verify.mjs in
// every pack. Usage: node verify.mjs <pack folder | pack.zip> [--fingerprint <sha256 hex of the raw public key>]
// Prints PASS/FAIL per check; exits 1 on any failure (2 on unusable input).
import { createHash, createPublicKey, verify as edVerify } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";

const sha256 = (b) => createHash("sha256").update(b).digest("hex");

// ── Reading the pack: a folder, or a zip read through its central directory (nothing is extracted to disk) ──
export function unsafeEntryName(name) {
  return name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\") || name.split("/").includes("..");
}

export function readZip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error("not a zip file (no end of central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20), usize = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32), local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString("utf8");
    p += 46 + nlen + xlen + clen;
    if (unsafeEntryName(name)) throw new Error(`unsafe entry name in zip (absolute path, backslash or ..): ${JSON.stringify(name)} — refused, nothing extracted`);
    if (name.endsWith("/")) continue;
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`corrupt local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`unsupported compression method ${method} for ${name}`);
    if (data.length !== usize) throw new Error(`size mismatch inflating ${name}`);
    files.set(name, data);
  }
  return files;
}

function readFolder(dir) {
  const files = new Map();
  const walk = (rel) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk("");
  return files;
}

// ── Exact decimals on BigInt: value = int × 10^-scale ──
export function parseDec(s) {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(s).trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a decimal: ${JSON.stringify(s)}`);
  const frac = m[3] ?? "";
  let int = BigInt((m[2] || "0") + frac) * (m[1] ? -1n : 1n), scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) { int *= 10n ** BigInt(-scale); scale = 0; }
  return { int, scale };
}
const align = (a, b) => { const s = Math.max(a.scale, b.scale); return [a.int * 10n ** BigInt(s - a.scale), b.int * 10n ** BigInt(s - b.scale), s]; };
export const decAdd = (a, b) => { const [x, y, s] = align(a, b); return { int: x + y, scale: s }; };
export const decMul = (a, b) => ({ int: a.int * b.int, scale: a.scale + b.scale });
export const decEq = (a, b) => { const [x, y] = align(a, b); return x === y; };
export const decStr = (a) => { const neg = a.int < 0n, d = (neg ? -a.int : a.int).toString().padStart(a.scale + 1, "0"); const s = a.scale ? `${d.slice(0, -a.scale)}.${d.slice(-a.scale)}`.replace(/\.?0+$/, "") : d; return (neg && s !== "0" ? "-" : "") + s; };
const ZERO = { int: 0n, scale: 0 };

// ── CSV (RFC 4180) ──
export function csvRows(text) {
  const rows = [];
  let row = [], f = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ",") { row.push(f); f = ""; }
    else if (c === "\n") { row.push(f); rows.push(row); row = []; f = ""; }
    else if (c !== "\r") f += c;
  }
  if (f !== "" || row.length) { row.push(f); rows.push(row); }
  return rows;
}

/** CSV records with their exact text (the ledger root's leaves): split on commas unless the record has quotes. */
export function csvRecords(text) {
  const out = [];
  let pending = null;
  for (const line of text.split("\n")) {
    const l = pending === null ? line : `${pending}\n${line}`;
    if (l === "" && pending === null) continue;
    if (!l.includes('"')) { out.push({ text: l, fields: l.split(",") }); pending = null; continue; }
    if ((l.match(/"/g).length & 1) === 1) { pending = l; continue; } // a quoted field runs on to the next line
    out.push({ text: l, fields: csvRows(l)[0] ?? [] });
    pending = null;
  }
  if (pending !== null) out.push({ text: pending, fields: csvRows(pending)[0] ?? [] });
  return out;
}

// ── The audit chain (lib/audit/chain.ts rules) and RFC 6962 ──
export function canonicalJson(v) {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (typeof v === "object") return `{${Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  return JSON.stringify(v);
}
const CHAINED = ["organizationId", "seq", "actorUserId", "actorLabel", "action", "entityType", "entityId", "before", "after", "requestId", "createdAt", "prevHash"];
const h = (...parts) => { const x = createHash("sha256"); for (const p of parts) x.update(p); return x.digest(); };
export const leafHash = (d) => h(Buffer.of(0), d);
export function merkleRoot(leaves) {
  const mth = (lo, hi) => { if (hi - lo === 0) return h(); if (hi - lo === 1) return leafHash(leaves[lo]); const k = 2 ** Math.floor(Math.log2(hi - lo - 1)); return h(Buffer.of(1), mth(lo, lo + k), mth(lo + k, hi)); };
  return mth(0, leaves.length);
}
class Acc { constructor() { this.st = []; this.size = 0; } push(d) { let it = { n: 1, h: leafHash(d) }; while (this.st.length && this.st.at(-1).n === it.n) { const l = this.st.pop(); it = { n: l.n * 2, h: h(Buffer.of(1), l.h, it.h) }; } this.st.push(it); this.size++; } root() { if (!this.st.length) return h(); let r = this.st.at(-1).h; for (let i = this.st.length - 2; i >= 0; i--) r = h(Buffer.of(1), this.st[i].h, r); return r; } }

// ── The checks ──
export function verifyPack(files, { fingerprint } = {}) {
  const results = [];
  const check = (name, ok, detail) => { results.push({ name, ok: !!ok, detail }); };
  const text = (p) => files.get(p)?.toString("utf8");
  const manifestBytes = files.get("MANIFEST.json");
  if (!manifestBytes) { check("manifest present", false, "MANIFEST.json is missing"); return results; }
  let manifest;
  try { manifest = JSON.parse(manifestBytes.toString("utf8")); } catch (e) { check("manifest readable", false, `MANIFEST.json is not JSON: ${e.message}`); return results; }

  // 1. Signature (pinned key)
  const pem = files.get("keys/org-signing.pub.pem");
  let pub = null, raw = null;
  try { pub = createPublicKey(pem); raw = pub.export({ format: "der", type: "spki" }).subarray(-32); } catch { /* reported below */ }
  const packFp = raw ? sha256(raw) : null;
  if (!fingerprint) check("key pinned", true, `NOT PINNED: no --fingerprint given, so the signature below only shows the pack is consistent with the key it carries (${packFp}); anyone could have made it. Ask the organization for its fingerprint.`);
  else check("key fingerprint", packFp === fingerprint.toLowerCase().replace(/[^0-9a-f]/g, ""), packFp === null ? "keys/org-signing.pub.pem is missing or unreadable" : `pack key ${packFp} vs pinned ${fingerprint}`);
  const sig = files.get("MANIFEST.json.sig");
  check("manifest signature", pub && sig && edVerify(null, manifestBytes, pub, sig), pub ? (sig ? "Ed25519 over the exact bytes of MANIFEST.json" : "MANIFEST.json.sig is missing") : "no public key");

  // 2. Files vs manifest, nothing missing or extra
  const META = new Set(["MANIFEST.json", "MANIFEST.json.sig", "SHA256SUMS", "START_HERE.html"]);
  const listed = new Map((manifest.files ?? []).map((f) => [f.path, f]));
  const bad = [];
  for (const [p, f] of listed) {
    const b = files.get(p);
    if (!b) bad.push(`missing: ${p}`);
    else if (b.length !== f.bytes || sha256(b) !== f.sha256) bad.push(`altered: ${p} (sha256 ${sha256(b)}, ${b.length} bytes; manifest says ${f.sha256}, ${f.bytes} bytes)`);
  }
  check("file hashes and sizes", !bad.some((x) => x.startsWith("altered")), bad.filter((x) => x.startsWith("altered")).join("; ") || `${listed.size} files match the manifest`);
  const extra = [...files.keys()].filter((p) => !listed.has(p) && !META.has(p));
  check("no missing or extra files", extra.length === 0 && !bad.some((x) => x.startsWith("missing")) && [...META].every((m) => files.has(m)), [...bad.filter((x) => x.startsWith("missing")), ...extra.map((p) => `extra: ${p}`), ...[...META].filter((m) => !files.has(m)).map((m) => `missing: ${m}`)].join("; ") || "exactly the listed files");

  // 3. SHA256SUMS agrees with the files
  const sums = (text("SHA256SUMS") ?? "").split("\n").filter(Boolean).map((l) => /^([0-9a-f]{64}) {2}(.+)$/.exec(l));
  const sumBad = sums.filter((m) => !m || !files.get(m[2]) || sha256(files.get(m[2])) !== m[1]).map((m) => (m ? m[2] : "malformed line"));
  const covered = new Set(sums.filter(Boolean).map((m) => m[2]));
  const uncovered = [...files.keys()].filter((p) => p !== "SHA256SUMS" && p !== "MANIFEST.json.sig" && !covered.has(p));
  check("SHA256SUMS", sums.length > 0 && sumBad.length === 0 && uncovered.length === 0, [...sumBad.map((p) => `mismatch: ${p}`), ...uncovered.map((p) => `not listed: ${p}`)].join("; ") || `${sums.length} files`);

  // 4. Re-performance of every line and every E1-6 total; lineage closure; ledger root
  // A file that is not JSON any more (a byte changed) fails its check; the others still run.
  let statement = {};
  try { statement = JSON.parse(text("report/statement.json") ?? "{}"); } catch (e) { check("statement readable", false, `report/statement.json is not JSON: ${e.message}`); }
  check("statement sha256", sha256(files.get("report/statement.json") ?? "") === manifest.statementSha256, "report/statement.json vs MANIFEST statementSha256");
  const csv = text("ledger/ledger-lines.csv") ?? "";
  const records = csvRecords(csv);
  const head = records.length ? records[0].fields : [];
  const col = Object.fromEntries(head.map((n, i) => [n, i]));
  const lineErrors = [], missingRaw = new Set();
  const rawPaths = new Map([...files.keys()].filter((p) => p.startsWith("sources/raw/")).map((p) => [path.posix.basename(p).split(".")[0], p]));
  const rawOk = new Map();
  let s1 = ZERO, s2lb = ZERO, s2mb = ZERO, resolved = 0, unresolved = 0, stated = 0;
  const cats = new Map();
  const acc = new Acc();
  const rows = [];
  for (const rec of records.slice(1)) { acc.push(Buffer.from(rec.text)); rows.push(rec.fields); }
  for (const r of rows) {
    const g = (n) => r[col[n]] ?? "";
    const id = g("line_id"), e = g("emissions_kg_co2e"), fv = g("factor_value");
    if (g("status") !== "RESOLVED" || e === "") { unresolved++; continue; }
    resolved++;
    try {
      if (fv === "") stated++;
      else if (!decEq(decMul(parseDec(g("activity_quantity")), parseDec(fv)), parseDec(e))) lineErrors.push(`${id}: ${g("activity_quantity")} × ${fv} = ${decStr(decMul(parseDec(g("activity_quantity")), parseDec(fv)))}, the line says ${e}`);
    } catch (err) { lineErrors.push(`${id}: ${err.message}`); continue; }
    const rs = g("raw_sha256");
    if (rs) { if (!rawOk.has(rs)) { const p = rawPaths.get(rs); rawOk.set(rs, !!p && sha256(files.get(p)) === rs); } if (!rawOk.get(rs)) missingRaw.add(rs); }
    const kg = parseDec(e), m = g("method"), sc = g("scope");
    if (sc === "SCOPE_1") s1 = decAdd(s1, kg);
    else if (sc === "SCOPE_2") { if (m !== "MARKET_BASED") s2lb = decAdd(s2lb, kg); if (m !== "LOCATION_BASED") s2mb = decAdd(s2mb, kg); }
    else { const c = cats.get(g("scope3_category") || "0") ?? { lb: ZERO, mb: ZERO }; if (m !== "MARKET_BASED") c.lb = decAdd(c.lb, kg); if (m !== "LOCATION_BASED") c.mb = decAdd(c.mb, kg); cats.set(g("scope3_category") || "0", c); }
  }
  check("re-performance of every line", lineErrors.length === 0, lineErrors.slice(0, 5).join("; ") + (lineErrors.length > 5 ? ` … and ${lineErrors.length - 5} more` : "") || `${resolved - stated} lines recomputed exactly (quantity × factor)${stated ? `, ${stated} stated by their source without a factor` : ""}`);
  const s3lb = [...cats.values()].reduce((a, c) => decAdd(a, c.lb), ZERO), s3mb = [...cats.values()].reduce((a, c) => decAdd(a, c.mb), ZERO);
  const want = statement.e16 ?? {};
  const totals = [["scope1KgCo2e", s1], ["scope2LbKgCo2e", s2lb], ["scope2MbKgCo2e", s2mb], ["scope3LbKgCo2e", s3lb], ["scope3MbKgCo2e", s3mb], ["totalLbKgCo2e", decAdd(decAdd(s1, s2lb), s3lb)], ["totalMbKgCo2e", decAdd(decAdd(s1, s2mb), s3mb)]];
  for (const c of want.scope3ByCategory ?? []) { const got = cats.get(String(c.category)) ?? { lb: ZERO, mb: ZERO }; totals.push([`scope3 cat ${c.category} LB`, got.lb, c.lbKgCo2e], [`scope3 cat ${c.category} MB`, got.mb, c.mbKgCo2e]); }
  const totalErrors = totals.filter(([n, got, exp]) => { const v = exp ?? want[n]; return v === undefined || !decEq(got, parseDec(v)); }).map(([n, got, exp]) => `${n}: recomputed ${decStr(got)}, statement says ${exp ?? want[n]}`);
  if (want.resolvedLines !== resolved || want.unresolvedLines !== unresolved) totalErrors.push(`lines: recomputed ${resolved} resolved / ${unresolved} unresolved, statement says ${want.resolvedLines} / ${want.unresolvedLines}`);
  check("re-performance of every E1-6 total", totalErrors.length === 0, totalErrors.join("; ") || `${totals.length} totals equal the statement exactly`);
  check("lineage closure", missingRaw.size === 0, missingRaw.size ? `raw files missing or altered in sources/raw: ${[...missingRaw].join(", ")}` : "every line's raw file is in sources/raw with its sha256");
  check("ledger root", manifest.ledgerRoot && acc.root().toString("hex") === manifest.ledgerRoot.root && acc.size === manifest.ledgerRoot.size, `RFC 6962 over ${acc.size} lines: ${acc.root().toString("hex")}`);

  // 5. Audit log: chain recomputed, Merkle root vs the signed checkpoint
  const unreadable = [];
  const events = (text("audit-log/events.jsonl") ?? "").split("\n").filter(Boolean).flatMap((l, i) => {
    try { return [JSON.parse(l)]; } catch (e) { unreadable.push(`line ${i + 1}: ${e.message}`); return [{}]; }
  });
  if (unreadable.length) check("audit log readable", false, `audit-log/events.jsonl is not JSON lines: ${unreadable.slice(0, 3).join("; ")}`);
  let prev = "0".repeat(64), chainErr = null;
  const leaves = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const fields = Object.fromEntries(CHAINED.map((k) => [k, e[k]]));
    const hash = sha256(canonicalJson(fields));
    leaves.push(Buffer.from(hash, "hex"));
    if (chainErr) continue;
    if (e.seq !== i + 1) chainErr = `event #${i + 1} missing (found #${e.seq})`;
    else if (e.prevHash !== prev) chainErr = `event #${e.seq}: prev_hash does not match the event before it`;
    else if (hash !== e.hash) chainErr = `event #${e.seq} (${e.action}) was altered: its content does not match its hash`;
    prev = e.hash;
  }
  check("audit log hash chain", !chainErr, chainErr ?? `${events.length} events chained`);
  const note = text("audit-log/checkpoint.txt") ?? "";
  const at = note.indexOf("\n\n");
  const body = at >= 0 ? note.slice(0, at + 1) : "";
  const [origin, size, root64] = body.split("\n");
  const sigLine = note.slice(at + 2).split("\n").find((l) => l.startsWith("\u2014 ")) ?? "";
  const sigRaw = Buffer.from(sigLine.split(" ")[2] ?? "", "base64").subarray(4);
  check("checkpoint signature", pub && body && sigRaw.length === 64 && edVerify(null, Buffer.from(body), pub, sigRaw) && origin === manifest.auditCheckpoint?.origin, `checkpoint note signed by the pack's key, origin ${origin}`);
  const rootHex = Buffer.from(root64 ?? "", "base64").toString("hex");
  const recomputed = merkleRoot(leaves).toString("hex");
  check("audit log vs signed checkpoint", Number(size) === events.length && recomputed === rootHex && rootHex === manifest.auditCheckpoint?.root, `recomputed root of ${events.length} events ${recomputed}; the signed checkpoint says ${size} events, ${rootHex}`);
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const fi = args.indexOf("--fingerprint");
  const fingerprint = fi >= 0 ? args[fi + 1] : undefined;
  const target = args.find((a, i) => !a.startsWith("--") && (fi < 0 || i !== fi + 1));
  if (!target) { console.error("usage: node verify.mjs <pack folder | pack.zip> [--fingerprint <hex>]"); process.exit(2); }
  let files;
  try { files = statSync(target).isDirectory() ? readFolder(target) : readZip(readFileSync(target)); }
  catch (err) { console.error(`FAIL  reading the pack: ${err.message}`); process.exit(2); }
  const results = verifyPack(files, { fingerprint });
  for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}${r.detail ? ` — ${r.detail}` : ""}`);
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `\n${failed.length} check(s) FAILED: ${failed.map((r) => r.name).join(", ")}` : `\nAll ${results.length} checks passed${fingerprint ? "" : " (key NOT pinned: pass --fingerprint)"}.`);
  process.exit(failed.length ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("verify.mjs") || process.argv[1]?.endsWith("verify-pack.mjs")) main();

// RFC 6962 / RFC 9162 Merkle trees over the audit log's event hashes (and the pack's ledger lines), pure.
// MTH({}) = SHA-256(); leaf = SHA-256(0x00 ‖ d); node = SHA-256(0x01 ‖ left ‖ right), split at the largest power of
// two below n. Proofs follow RFC 9162 §2.1.3 (inclusion) and §2.1.4 (consistency), as transparency-dev/merkle.
import { createHash } from "node:crypto";

const sha = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};
export const leafHash = (data: Uint8Array): Buffer => sha(Buffer.of(0), data);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha(Buffer.of(1), left, right);
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1)); // largest power of two < n (n ≥ 2)

/** The root over leaf hashes (already leafHash'ed), [lo, hi). */
function mth(leaves: Uint8Array[], lo = 0, hi = leaves.length): Buffer {
  if (hi - lo === 0) return sha();
  if (hi - lo === 1) return Buffer.from(leaves[lo]);
  const k = split(hi - lo);
  return nodeHash(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
}

/** The Merkle Tree Hash of the leaves' data. */
export function merkleRoot(data: Uint8Array[]): Buffer {
  return mth(data.map(leafHash));
}

/** Incremental root in O(log n) memory (a compact range of perfect subtrees), for millions of leaves. */
export class MerkleAccumulator {
  private stack: { size: number; hash: Buffer }[] = [];
  size = 0;
  push(data: Uint8Array): void {
    let item = { size: 1, hash: leafHash(data) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === item.size) {
      const left = this.stack.pop()!;
      item = { size: left.size * 2, hash: nodeHash(left.hash, item.hash) };
    }
    this.stack.push(item);
    this.size++;
  }
  root(): Buffer {
    if (this.stack.length === 0) return sha();
    let h = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) h = nodeHash(this.stack[i].hash, h);
    return h;
  }
}

/** PATH(m, D[lo:hi]): the audit path of leaf m. */
function path(m: number, leaves: Uint8Array[], lo: number, hi: number): Buffer[] {
  if (hi - lo <= 1) return [];
  const k = split(hi - lo);
  return m < k ? [...path(m, leaves, lo, lo + k), mth(leaves, lo + k, hi)] : [...path(m - k, leaves, lo + k, hi), mth(leaves, lo, lo + k)];
}

/** The inclusion proof of leaf `index` in the tree of the leaves' data. */
export function inclusionProof(index: number, data: Uint8Array[]): Buffer[] {
  if (!(index >= 0 && index < data.length)) throw new RangeError(`leaf ${index} is outside a tree of ${data.length}`);
  return path(index, data.map(leafHash), 0, data.length);
}

/** SUBPROOF(m, D[lo:hi], b). */
function subproof(m: number, leaves: Uint8Array[], lo: number, hi: number, complete: boolean): Buffer[] {
  const n = hi - lo;
  if (m === n) return complete ? [] : [mth(leaves, lo, hi)];
  const k = split(n);
  return m <= k ? [...subproof(m, leaves, lo, lo + k, complete), mth(leaves, lo + k, hi)] : [...subproof(m - k, leaves, lo + k, hi, false), mth(leaves, lo, lo + k)];
}

/** The consistency proof that the tree of the first m leaves is a prefix of the tree of all of them. */
export function consistencyProof(m: number, data: Uint8Array[]): Buffer[] {
  if (!(m >= 0 && m <= data.length)) throw new RangeError(`size ${m} is outside a tree of ${data.length}`);
  if (m === 0 || m === data.length) return [];
  return subproof(m, data.map(leafHash), 0, data.length, true);
}

const eq = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/** RFC 9162 §2.1.3.2: does `proof` rebuild `root` from the leaf's hash at `index` of a tree of `size`? */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[], root: Uint8Array): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index, sn = size - 1, r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && eq(r, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree (size1, root1) is a prefix of (size2, root2)? */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: Uint8Array[]): boolean {
  if (size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && eq(root1, root2);
  if (size1 === 0) return proof.length === 0;
  const path = [...proof];
  if ((size1 & (size1 - 1)) === 0) path.unshift(Buffer.from(root1)); // size1 a power of two: its root is the first node
  if (path.length === 0) return false;
  let fn = size1 - 1, sn = size2 - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr: Uint8Array = path[0], sr: Uint8Array = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr); sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else sr = nodeHash(sr, c);
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && eq(fr, root1) && eq(sr, root2);
}

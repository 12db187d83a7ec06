// A set of 64-bit keys (taken from sha256 hex row hashes) in typed arrays: 8 bytes a key, so the rows of a
// 1,000,000-row file fit in 16 MB where a Set of strings would take ~150 MB. Used to spot rows repeated within one
// file; a 64-bit collision between two different rows has a probability of about n²/2⁶⁵ (3·10⁻⁸ for a million).
let keyHi = 0;
let keyLo = 0;
function stringKey(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  keyHi = a >>> 0;
  keyLo = b >>> 0;
}

/** The same 64-bit key of a string, into out[0] (high half) and out[1] (low half), without allocating. */
export function stringKey64(text: string, out: Uint32Array): void {
  stringKey(text);
  out[0] = keyHi;
  out[1] = keyLo;
}

export class HashSet64 {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  size = 0;

  constructor(capacity = 1 << 14) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  /** Adds the key of a hex hash; returns false when it was already there. */
  addHex(hex: string): boolean {
    return this.add(parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0);
  }

  /** Adds a string (by two 32-bit FNV-1a style hashes); returns false when it was already there. */
  addString(text: string): boolean {
    stringKey(text);
    return this.add(keyHi, keyLo);
  }

  hasString(text: string): boolean {
    stringKey(text);
    return this.find(keyHi, keyLo);
  }

  private find(hi: number, lo: number): boolean {
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) {
      if (this.hi[i] === hi && this.lo[i] === lo) return true;
      i = (i + 1) & mask;
    }
    return false;
  }

  private add(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) {
      if (this.hi[i] === hi && this.lo[i] === lo) return false;
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.size++;
    return true;
  }

  private grow(): void {
    const { hi, lo, used } = this;
    const capacity = used.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.add(hi[i], lo[i]);
  }
}

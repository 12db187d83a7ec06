// RFC 6962 Merkle trees (lib/assurance/merkle.ts): the public test vectors of transparency-dev/merkle and random
// inclusion and consistency proofs (fast-check), and the incremental root equal to the recursive one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MerkleAccumulator, consistencyProof, inclusionProof, leafHash, merkleRoot, verifyConsistency, verifyInclusion } from "../../../lib/assurance/merkle";

const LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((h) => Buffer.from(h, "hex"));
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("RFC 6962 Merkle tree", () => {
  it("the empty tree is sha256 of nothing (e3b0c442…b855) and the 8-leaf reference root is 5dc9da79…4604328, with every prefix's root", () => {
    expect(merkleRoot([]).toString("hex")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ROOTS.forEach((root, i) => expect(merkleRoot(LEAVES.slice(0, i + 1)).toString("hex")).toBe(root));
  });

  it("the incremental root equals the recursive root for every size up to 70", () => {
    const data = Array.from({ length: 70 }, (_, i) => Buffer.from(`leaf ${i}`));
    const acc = new MerkleAccumulator();
    expect(acc.root().toString("hex")).toBe(merkleRoot([]).toString("hex"));
    data.forEach((d, i) => {
      acc.push(d);
      expect(acc.root().equals(merkleRoot(data.slice(0, i + 1)))).toBe(true);
    });
  });

  it("inclusion proofs of random leaves verify, and fail for another leaf, index or root", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), fc.nat(), (n, k) => {
        const data = Array.from({ length: n }, (_, i) => Buffer.from(`e${i}`));
        const i = k % n;
        const root = merkleRoot(data);
        const proof = inclusionProof(i, data);
        expect(verifyInclusion(i, n, leafHash(data[i]), proof, root)).toBe(true);
        expect(verifyInclusion(i, n, leafHash(Buffer.from("other")), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((i + 1) % n, n, leafHash(data[i]), proof, root)).toBe(false);
        expect(verifyInclusion(i, n, leafHash(data[i]), proof, merkleRoot([Buffer.from("x")]))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("consistency proofs between random sizes verify; a rewritten early leaf breaks them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), fc.nat(), (n, k) => {
        const data = Array.from({ length: n }, (_, i) => Buffer.from(`e${i}`));
        const m = 1 + (k % n);
        const proof = consistencyProof(m, data);
        const r1 = merkleRoot(data.slice(0, m)), r2 = merkleRoot(data);
        expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true);
        const rewritten = [Buffer.from("forged"), ...data.slice(1)];
        if (m < n) expect(verifyConsistency(m, n, r1, merkleRoot(rewritten), consistencyProof(m, rewritten))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// verify/verify.mjs (the repo's scripts/verify-pack.mjs, byte for byte, so the auditor can diff it) and VERIFY.md.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PackSection } from "../section";

export const VERIFIER_PATH = path.join(process.cwd(), "scripts", "verify-pack.mjs");

const howTo = (fingerprint: string) => `# Verifying this evidence pack

Everything here runs offline with stock tools. Get the organization's key fingerprint from the organization
through another channel (engagement letter, a call) — never only from this pack. This pack says it is:

    ${fingerprint}

1. All checks (Node 20+, no dependencies): \`node verify/verify.mjs . --fingerprint <fingerprint>\`
   (or on the zip: \`node verify.mjs pack.zip --fingerprint <fingerprint>\`). PASS/FAIL per check, exit code 1 on any failure.
2. File hashes: \`sha256sum -c SHA256SUMS\`.
3. The signature: \`openssl pkeyutl -verify -pubin -inkey keys/org-signing.pub.pem -rawin -in MANIFEST.json -sigfile MANIFEST.json.sig\`
   then check the key: \`openssl pkey -pubin -in keys/org-signing.pub.pem -outform DER | tail -c 32 | sha256sum\` equals the fingerprint.

verify.mjs also re-performs every ledger line (quantity × factor = emissions, exact decimals) and every E1-6 total of
report/statement.json from ledger/ledger-lines.csv, checks that every line's raw file is in sources/raw with its
sha256, recomputes the audit log's hash chain and its RFC 6962 root, and checks them against the signed checkpoint
(audit-log/checkpoint.txt). Keep that checkpoint: a later pack's log must extend it (consistency).
`;

export const verifySection: PackSection = {
  name: "verify",
  async files(pc) {
    return [
      { path: "verify/verify.mjs", role: "verifier", mediaType: "text/javascript", bytes: await readFile(VERIFIER_PATH) },
      { path: "verify/VERIFY.md", role: "instructions", mediaType: "text/markdown", bytes: Buffer.from(howTo(pc.key.fingerprint)) },
    ];
  },
};

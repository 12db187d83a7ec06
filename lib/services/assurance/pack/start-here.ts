// START_HERE.html: what the pack is and how to verify it, readable in any browser (no script, no link out).
import type { PackContext } from "./section";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const t = (kg: string) => esc(kg);

export function startHere(pc: PackContext, p: { packId: string; manifestSha256: string; files: number }): string {
  const e = pc.content.e16;
  const fp = pc.key.fingerprint;
  const rows = [
    ["Scope 1", e.scope1KgCo2e], ["Scope 2 (location-based)", e.scope2LbKgCo2e], ["Scope 2 (market-based)", e.scope2MbKgCo2e],
    ["Scope 3 (location-based)", e.scope3LbKgCo2e], ["Scope 3 (market-based)", e.scope3MbKgCo2e], ["Total (location-based)", e.totalLbKgCo2e], ["Total (market-based)", e.totalMbKgCo2e],
  ].map(([k, v]) => `<tr><td>${k}</td><td style="text-align:right;font-family:monospace">${t(v)}</td></tr>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence pack ${esc(p.packId)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2937}code,pre{background:#f3f4f6;padding:.1rem .3rem;border-radius:3px}pre{padding:.6rem;overflow-x:auto}td{padding:.2rem .8rem;border-bottom:1px solid #e5e7eb}</style></head>
<body>
<h1>Evidence pack: ${esc(pc.organization.name)}, ${esc(pc.period.name)}</h1>
<p>GHG statement (ESRS E1-6), report version ${pc.version.number}, signed off ${esc(pc.version.approvedAt.toISOString())}. Period ${pc.period.startDate.toISOString().slice(0, 10)} to ${pc.period.endDate.toISOString().slice(0, 10)}.</p>
<table><tr><th>Figure</th><th>kg CO2e (exact)</th></tr>${rows}</table>
<dl>
<dt>Pack id</dt><dd><code>${esc(p.packId)}</code> (${p.files} files listed in MANIFEST.json)</dd>
<dt>MANIFEST.json sha256</dt><dd><code>${p.manifestSha256}</code></dd>
<dt>Statement sha256 (report/statement.json)</dt><dd><code>${pc.version.sha256}</code></dd>
<dt>Signing key fingerprint (sha256 of the raw Ed25519 public key)</dt><dd><code>${fp}</code> — compare it with the one the organization gave you separately.</dd>
<dt>Audit log checkpoint</dt><dd>${pc.checkpoint.treeSize} events, root <code>${pc.checkpoint.rootHash}</code></dd>
</dl>
<h2>How to verify</h2>
<ol>
<li>Everything at once (Node 20 or later, nothing to install): <pre>node verify/verify.mjs . --fingerprint ${fp}</pre></li>
<li>File hashes with coreutils: <pre>sha256sum -c SHA256SUMS</pre></li>
<li>The manifest's signature with OpenSSL: <pre>openssl pkeyutl -verify -pubin -inkey keys/org-signing.pub.pem -rawin -in MANIFEST.json -sigfile MANIFEST.json.sig</pre>
and that the key is the one you were given: <pre>openssl pkey -pubin -in keys/org-signing.pub.pem -outform DER | tail -c 32 | sha256sum</pre></li>
</ol>
<p>Then: report/ghg-statement.pdf, report/statement.json against the PDF, ledger/lineage.csv for the big figures, ledger/ledger-lines.csv, factors/, sources/, restatements/, controls/signoffs.csv, audit-log/. See verify/VERIFY.md.</p>
</body></html>
`;
}

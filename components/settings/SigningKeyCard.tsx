// The organization's public signing key (decision 0028): fingerprint to hand to the auditor out of band, the PEM.
import { Card } from "@/components/ui/Card";
import type { SigningKeyView } from "@/lib/views/signing-key";

export function SigningKeyCard({ signingKey }: { signingKey: SigningKeyView | null }) {
  return (
    <Card title="Signing key">
      {signingKey ? (
        <div className="grid gap-2 text-sm" data-testid="signing-key">
          <p className="text-slate-600">
            Evidence packs and audit-log checkpoints are signed with this organization&apos;s {signingKey.algorithm} key. Give the
            fingerprint to your auditor through another channel (engagement letter, a call): they check packs against it.
          </p>
          <dl className="grid grid-cols-[14rem_1fr] gap-y-1">
            <dt className="text-slate-500">Fingerprint (sha256)</dt>
            <dd className="font-mono text-xs" data-testid="signing-key-fingerprint">{signingKey.fingerprintGrouped}</dd>
            <dt className="text-slate-500">Created</dt>
            <dd>{signingKey.createdAt.slice(0, 10)}</dd>
          </dl>
          <details>
            <summary className="cursor-pointer text-xs text-slate-500">Public key (PEM)</summary>
            <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{signingKey.publicKeyPem}</pre>
          </details>
          <p className="text-xs text-slate-500">The private key never leaves the server&apos;s data folder.</p>
        </div>
      ) : (
        <p className="text-sm text-slate-600" data-testid="signing-key-none">No signing key yet: it is created at the first sign-off or evidence pack.</p>
      )}
    </Card>
  );
}

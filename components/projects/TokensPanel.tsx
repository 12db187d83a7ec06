"use client";
// Tracker API tokens of one project: create (the token is shown once, here), list by prefix, revoke.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TableScroll } from "@/components/ui/TableScroll";

export interface TokenRow {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—");

export function TokensPanel({ org, projectId, tokens, canManage }: { org: string; projectId: string; tokens: TokenRow[]; canManage: boolean }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const base = `/api/orgs/${org}/projects/${projectId}/tokens`;

  async function call(url: string, init: RequestInit) {
    setError(null);
    const res = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      setError(json?.error?.message ?? `HTTP ${res.status}`);
      return null;
    }
    router.refresh();
    return json;
  }

  async function onCreate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    const json = await call(base, { method: "POST", body: JSON.stringify({ name }) });
    if (json) {
      setCopied(false);
      setCreated({ name: json.name, token: json.token });
      form.reset();
    }
  }

  async function onRevoke(t: TokenRow) {
    if (!window.confirm(`Revoke "${t.name}" (${t.tokenPrefix}…)? Trackers using it stop at once.`)) return;
    await call(`${base}/${t.id}`, { method: "DELETE" });
  }

  return (
    <div className="flex flex-col gap-4">
      {error && <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-900">{error}</div>}
      {created && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="new-token">
          <p className="font-medium">Token &ldquo;{created.name}&rdquo; created. Copy it now: it is stored only as a hash and will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-token-value">{created.token}</code>
            <button
              type="button"
              className="rounded-md border border-amber-300 bg-white px-2 py-1 text-xs hover:bg-amber-100"
              onClick={() => navigator.clipboard?.writeText(created.token).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="mt-2 text-xs">Put it in <code>.codecarbon.config</code> as <code>api_key</code>, or send it in the <code>x-api-token</code> header.</p>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <TableScroll label="Tracker API tokens">
          <table className="w-full text-left text-sm" data-testid="tokens-table">
            <thead className="text-xs uppercase text-slate-500">
              <tr><th className="py-2">Name</th><th>Token</th><th>Created</th><th>Last used</th><th>Status</th><th /></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => (
                <tr key={t.id} data-token-name={t.name}>
                  <td className="py-2">{t.name}</td>
                  <td className="font-mono text-xs">{t.tokenPrefix}…</td>
                  <td className="text-xs">{when(t.createdAt)}</td>
                  <td className="text-xs">{when(t.lastUsedAt)}</td>
                  <td className="text-xs">{t.revokedAt ? `revoked ${when(t.revokedAt)}` : "active"}</td>
                  <td className="text-right">
                    {canManage && !t.revokedAt && (
                      <button type="button" onClick={() => onRevoke(t)} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage && (
        <form onSubmit={onCreate} className="flex gap-2 border-t border-slate-100 pt-4" aria-label="Create a token">
          <input required name="name" placeholder="Token name, e.g. training cluster" maxLength={100} className="flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700">Create token</button>
        </form>
      )}
    </div>
  );
}

"use client";
// Create a project (so that a tracker can get a token before any data is uploaded).
import { useRouter } from "next/navigation";
import { useState } from "react";

export function NewProjectForm({ org }: { org: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    const res = await fetch(`/api/orgs/${org}/projects`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
    const json = await res.json().catch(() => null);
    if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
    router.push(`/${org}/projects/${json.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label="New project">
      <input required name="name" placeholder="New project name" maxLength={200} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700">Create project</button>
      {error && <span role="alert" className="text-sm text-rose-700">{error}</span>}
    </form>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function DeleteMappingButton({ org, mappingId }: { org: string; mappingId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const res = await fetch(`/api/orgs/${org}/cloud-mappings/${mappingId}`, { method: "DELETE" });
    if (!res.ok) return setError(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={remove} className="text-sm text-rose-700 underline">
        Remove
      </button>
      {error && <span role="alert" className="ml-2 text-sm text-rose-700">{error}</span>}
    </>
  );
}

"use client";
// Remove a factor of one of the organization's own, unlocked datasets (the server refuses a locked one).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiError } from "./ApiErrorBox";

export function DeleteFactorButton({ org, factorId }: { org: string; factorId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    if (!window.confirm("Remove this factor from its dataset?")) return;
    const res = await fetch(`/api/orgs/${org}/factors/${factorId}`, { method: "DELETE" });
    if (!res.ok) return setError((await apiError(res)).message);
    router.refresh();
  }

  return (
    <span>
      <button type="button" onClick={onClick} className="text-xs text-rose-700 underline">
        Remove
      </button>
      {error && (
        <span role="alert" className="block text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}

"use client";
// "New version of this dataset": asks for the new version's label, then copies the dataset (unlocked) into the org.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiError, type ApiError } from "./ApiErrorBox";

export function NewVersionButton({ org, datasetId, currentVersion }: { org: string; datasetId: string; currentVersion: string }) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    const version = window.prompt(`New version of this dataset (current: ${currentVersion}). Version label:`, `${currentVersion}-2`);
    if (!version) return;
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/orgs/${org}/factors/datasets/${datasetId}/versions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version }),
    });
    setBusy(false);
    if (!res.ok) return setError(await apiError(res));
    router.refresh();
  }

  return (
    <span>
      <button type="button" disabled={busy} onClick={onClick} className="text-xs text-emerald-700 underline disabled:opacity-50">
        New version
      </button>
      {error && (
        <span role="alert" className="block text-xs text-rose-700">
          {error.message}
        </span>
      )}
    </span>
  );
}

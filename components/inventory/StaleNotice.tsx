// The stale signal: an input the period reads changed after its current figures were calculated.
const CHANGES: Record<string, string> = {
  "import.committed": "an import was committed",
  "run.created": "a tracker started a run",
  "activity.created": "an activity record was entered",
  "instrument.created": "an instrument was recorded",
  "site.updated": "a site changed",
  "factor-dataset.imported": "a factor dataset was imported",
  "factor-dataset.version-created": "a factor dataset got a new version",
  "factor.custom-added": "a custom factor was added",
  "factor.deleted": "a factor was deleted",
  "cloudMapping.created": "a cloud mapping was added",
  "cloudMapping.deleted": "a cloud mapping was removed",
};

export function StaleNotice({ changedAt, lastChange, status, canRecalculate }: { changedAt: string; lastChange: string | null; status: string; canRecalculate: boolean }) {
  const what = lastChange ? CHANGES[lastChange] ?? lastChange : null;
  const next = !canRecalculate
    ? "An officer's recalculation will bring them up to date."
    : status === "OPEN"
      ? "Press Recalculate to bring them up to date."
      : "This period is closed: recalculating states a new version beside the previous one (a restatement, with a reason per changed figure).";
  return (
    <p role="status" className="mb-4 rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="stale-notice">
      Inputs changed since these figures were calculated: {changedAt.slice(0, 19).replace("T", " ")} UTC{what ? ` (latest: ${what})` : ""}. {next}
    </p>
  );
}

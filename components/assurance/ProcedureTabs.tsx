import Link from "next/link";

const TABS = [
  { path: "reperform", label: "Re-performance" },
  { path: "factors", label: "Factor register" },
  { path: "analytics", label: "Analytical review" },
  { path: "samples", label: "Samples" },
] as const;

/** The auditor's procedures on one period: one tab per page under /[org]/assurance/[period]/. */
export function ProcedureTabs({ org, period, current }: { org: string; period: string; current: (typeof TABS)[number]["path"] }) {
  return (
    <nav aria-label="Procedures" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link key={t.path} href={`/${org}/assurance/${period}/${t.path}`} aria-current={t.path === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.path === current ? "border-slate-900 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export const versionLabel = (reportVersionNumber: number | null, calculationNumber?: number) =>
  reportVersionNumber !== null ? `signed report version ${reportVersionNumber}` : `current calculation${calculationNumber ? ` (version ${calculationNumber})` : ""}, not signed yet`;

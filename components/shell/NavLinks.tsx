"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export const SECTIONS = [
  { path: "dashboard", label: "Dashboard" },
  { path: "projects", label: "Projects" },
  { path: "imports", label: "Imports" },
  { path: "activity", label: "Activity" },
  { path: "sites", label: "Sites" },
  { path: "instruments", label: "Instruments" },
  { path: "cloud-mapping", label: "Cloud mapping" },
  { path: "inventory", label: "Inventory" },
  { path: "targets", label: "Targets" },
  { path: "factors", label: "Factors" },
  { path: "reports", label: "Reports" },
  { path: "assurance", label: "Assurance" },
  { path: "audit", label: "Audit" },
  { path: "settings", label: "Settings" },
] as const;

export function NavLinks({ org }: { org: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="flex flex-col gap-0.5">
      {SECTIONS.map((s) => {
        const href = `/${org}/${s.path}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={s.path}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-slate-800 font-medium text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}

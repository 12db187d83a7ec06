"use client";
import { useRouter } from "next/navigation";

export function OrgSwitcher({ current, organizations }: { current: string; organizations: { slug: string; name: string; role: string }[] }) {
  const router = useRouter();
  return (
    <label className="block text-xs text-slate-400">
      <span className="sr-only">Organization</span>
      <select
        aria-label="Organization"
        className="w-full rounded-md border border-slate-700 bg-slate-800 px-2 py-1.5 text-sm text-white"
        value={current}
        onChange={(e) => router.push(`/${e.target.value}/dashboard`)}
      >
        {organizations.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name} ({o.role.toLowerCase()})
          </option>
        ))}
      </select>
    </label>
  );
}

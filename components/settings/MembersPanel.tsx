"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TableScroll } from "@/components/ui/TableScroll";

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: string;
}

const ROLE_OPTIONS = ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"];

export function MembersPanel({ org, members, canManage, roleDescriptions }: { org: string; members: MemberRow[]; canManage: boolean; roleDescriptions: Record<string, string> }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function send(url: string, method: string, body: unknown, success: string) {
    setMessage(null);
    const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      const issues = (json?.error?.issues ?? []).map((i: { field: string; reason: string }) => `${i.field}: ${i.reason}`).join("; ");
      setMessage({ tone: "error", text: `${json?.error?.message ?? `HTTP ${res.status}`}${issues ? ` (${issues})` : ""}` });
      return false;
    }
    setMessage({ tone: "success", text: success });
    router.refresh();
    return true;
  }

  async function onAdd(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    if (!data.password) delete data.password;
    if (await send(`/api/orgs/${org}/members`, "POST", data, `${data.email} added as ${data.role.toLowerCase()}.`)) form.reset();
  }

  return (
    <div className="flex flex-col gap-4">
      {message && (
        <div data-testid="members-message" data-tone={message.tone} className={`rounded-md border px-4 py-2 text-sm ${message.tone === "error" ? "border-rose-200 bg-rose-50 text-rose-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}>
          {message.text}
        </div>
      )}
      <TableScroll label="Members">
        <table className="w-full text-left text-sm" data-testid="members-table">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">Name</th><th>Email</th><th>Role</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.id} data-email={m.email}>
                <td className="py-2">{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {canManage ? (
                    <select
                      aria-label={`Role of ${m.email}`}
                      defaultValue={m.role}
                      className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                      onChange={(e) => send(`/api/orgs/${org}/members/${m.id}`, "PATCH", { role: e.target.value }, `${m.email} is now ${e.target.value.toLowerCase()}.`)}
                    >
                      {ROLE_OPTIONS.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
                    </select>
                  ) : (
                    m.role.toLowerCase()
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canManage && (
        <form onSubmit={onAdd} className="grid grid-cols-1 gap-3 border-t border-slate-100 pt-4 md:grid-cols-5" aria-label="Add a member">
          <input required name="name" placeholder="Name" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          <input required name="email" type="email" placeholder="Email" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          <select name="role" defaultValue="ENGINEER" aria-label="Role" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            {ROLE_OPTIONS.map((r) => <option key={r} value={r}>{r.toLowerCase()} — {roleDescriptions[r]}</option>)}
          </select>
          <input name="password" type="password" placeholder="Initial password (new users)" autoComplete="new-password" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          <button type="submit" className="rounded-md bg-emerald-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-emerald-800">Add member</button>
        </form>
      )}
    </div>
  );
}

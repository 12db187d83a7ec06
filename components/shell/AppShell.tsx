import { NavLinks } from "./NavLinks";
import { OrgSwitcher } from "./OrgSwitcher";
import { SignOutButton } from "./SignOutButton";

export interface ShellProps {
  org: { slug: string; name: string };
  role: string;
  user: { email: string };
  organizations: { slug: string; name: string; role: string }[];
  children: React.ReactNode;
}

export function AppShell({ org, role, user, organizations, children }: ShellProps) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col gap-6 bg-slate-900 px-3 py-5">
        <div className="px-3">
          <div className="text-lg font-semibold tracking-tight text-white">Scopebook</div>
          <div className="text-xs text-slate-400">Carbon accounting</div>
        </div>
        <OrgSwitcher current={org.slug} organizations={organizations} />
        <NavLinks org={org.slug} />
        <div className="mt-auto border-t border-slate-800 px-3 pt-4 text-xs text-slate-400">
          <div className="truncate" data-testid="signed-in-as">{user.email}</div>
          <div className="mb-2" data-testid="current-role">Role: {role.toLowerCase()}</div>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}

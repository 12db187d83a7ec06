import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { listMyOrganizations } from "@/lib/services/organizations/list-my-organizations";

export const dynamic = "force-dynamic";

export default async function Home() {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) redirect("/login");
  const orgs = await listMyOrganizations({ userId: session.user.id });
  if (orgs.length) redirect(`/${orgs[0].slug}/dashboard`);
  return (
    <main className="flex min-h-screen items-center justify-center">
      <p className="text-slate-600">You are not a member of any organization yet. Ask an admin to add you.</p>
    </main>
  );
}

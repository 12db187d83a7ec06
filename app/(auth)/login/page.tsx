import { LoginForm } from "@/components/auth/LoginForm";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = sp.callbackUrl?.startsWith("/") && !sp.callbackUrl.startsWith("//") ? sp.callbackUrl : "/";
  const notice =
    sp.reason === "expired" ? "Your session has expired. Sign in again." : sp.error ? "Sign-in failed. Check your email and password." : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">Sign in to Scopebook</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">Carbon accounting you can trace to the source row.</p>
        <LoginForm callbackUrl={callbackUrl} initialNotice={notice} />
      </div>
    </main>
  );
}

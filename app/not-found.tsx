import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3">
      <h1 className="text-xl font-semibold text-slate-900">Not found</h1>
      <p className="text-slate-600">This page does not exist, or you are not a member of its organization.</p>
      <Link href="/" className="text-emerald-700 underline">Go to your dashboard</Link>
    </main>
  );
}

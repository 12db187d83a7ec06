"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function LoginForm({ callbackUrl, initialNotice }: { callbackUrl: string; initialNotice: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialNotice);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (!EMAIL.test(email)) return setError("Enter a valid email address.");
    if (!password) return setError("Enter your password.");
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false });
    setBusy(false);
    if (!res || res.error) return setError("Wrong email or password.");
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Sign in">
      <label className="text-sm font-medium text-slate-700">
        Email
        <input name="email" type="email" autoComplete="username" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Password
        <input name="password" type="password" autoComplete="current-password" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      {error && (
        <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

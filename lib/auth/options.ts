// next-auth v4: credentials sign-in, JWT sessions. The token carries only the user id; roles are read from
// memberships on every request (lib/auth/context.ts), so a role change or removal takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "../db/client";
import { serverEnv } from "../env";
import { verifyPassword } from "./password";

const Credentials = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});

// A hash of a random password: unknown emails cost the same time as wrong passwords.
const DUMMY_HASH =
  "scrypt$16384$8$1$3VmRdJ2Yt1c0dG0q6o4bFQ==$Kk2o6o9o3pQ8mJm5jz0r3mM1s0b4WQ8m7jWc1b8oJ9v0m1Qx2b4D8gq1R3o2m5N7a6q5xwF1e4k9z0pQ2s3t4A==";

export async function authorizeCredentials(raw: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = Credentials.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SCOPEBOOK_SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials) => authorizeCredentials(credentials),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

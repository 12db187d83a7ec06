// The environment, validated once with a clear error. See .env.example for every variable.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .describe("Postgres connection; scripts/start.ts sets it to the embedded database when unset"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  NEXTAUTH_URL: z.url("must be the app's public URL, e.g. http://127.0.0.1:3000").default("http://127.0.0.1:3000"),
  SCOPEBOOK_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  SCOPEBOOK_SESSION_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(8 * 60 * 60),
});

export type ServerEnv = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(
      `Scopebook cannot start: the environment is invalid.\n${lines.join("\n")}\n` +
        `See .env.example for what each variable means.`,
    );
  }
  return result.data;
}

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Just the database URL (scripts and the Prisma client need no more). */
export function databaseUrl(): string {
  const result = schema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL);
  if (!result.success)
    throw new EnvError(`Scopebook cannot start: DATABASE_URL ${result.error.issues[0].message}. See .env.example.`);
  return result.data;
}

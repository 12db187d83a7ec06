// The environment, validated once with a clear error. See .env.example for every variable.
import { z } from "zod";

/** `VAR=` in .env means unset. */
const unsetWhenEmpty = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === "" ? undefined : v), inner.optional());

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .describe("Postgres connection; scripts/start.ts sets it to the embedded database when unset"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  NEXTAUTH_URL: z.url("must be the app's public URL, e.g. http://127.0.0.1:3000").default("http://127.0.0.1:3000"),
  // Uploads stream to disk (never whole in memory): the limit guards the disk, not the server's memory.
  SCOPEBOOK_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024 * 1024),
  SCOPEBOOK_SESSION_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(8 * 60 * 60),
  // CodeCarbon live API demo (prisma/seed.ts): the demo project's token and experiment, so a stock tracker works at once.
  SCOPEBOOK_DEMO_API_TOKEN: unsetWhenEmpty(
    z.string().regex(/^[\x21-\x7e]{16,200}$/, "must be 16-200 printable characters without spaces (it goes in an HTTP header)"),
  ),
  SCOPEBOOK_DEMO_EXPERIMENT_ID: unsetWhenEmpty(z.guid("must be a UUID, e.g. from `uuidgen` (CodeCarbon sends experiment ids as UUIDs)")),
  // 1 (default): trackers' POST /api/codecarbon/emissions is answered outside Next's router (scripts/lib/server.ts).
  SCOPEBOOK_TRACKER_FAST_PATH: unsetWhenEmpty(z.enum(["0", "1"], "must be 1 (on, the default) or 0 (plain `next start`)")),
});

export type ServerEnv = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  return parseWith(schema, source);
}

function parseWith<S extends z.ZodType>(s: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = s.safeParse(source);
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

/** Just the demo tracker's variables (the seed needs no more). Both or neither. */
export function demoTrackerEnv(source: Record<string, string | undefined>): { token: string; experimentId: string } | null {
  const env = parseWith(schema.pick({ SCOPEBOOK_DEMO_API_TOKEN: true, SCOPEBOOK_DEMO_EXPERIMENT_ID: true }), source);
  const token = env.SCOPEBOOK_DEMO_API_TOKEN;
  const experimentId = env.SCOPEBOOK_DEMO_EXPERIMENT_ID?.toLowerCase();
  if (!token && !experimentId) return null;
  if (!token || !experimentId)
    throw new EnvError(
      "Scopebook cannot start: set both SCOPEBOOK_DEMO_API_TOKEN and SCOPEBOOK_DEMO_EXPERIMENT_ID, or neither (a tracker needs the two together). See .env.example.",
    );
  return { token, experimentId };
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvError, databaseUrl, parseEnv } from "../../lib/env";

const SECRET = "0123456789abcdef0123456789abcdef";
const URL_OK = "postgresql://scopebook:scopebook@127.0.0.1:54330/scopebook";

function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return err as EnvError;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("accepts a valid environment and fills defaults", () => {
    const env = parseEnv({ DATABASE_URL: URL_OK, NEXTAUTH_SECRET: SECRET });
    expect(env.DATABASE_URL).toBe(URL_OK);
    expect(env.NEXTAUTH_URL).toBe("http://127.0.0.1:3000");
    expect(env.SCOPEBOOK_MAX_UPLOAD_BYTES).toBe(2 * 1024 * 1024 * 1024); // uploads stream to disk
    expect(env.SCOPEBOOK_SESSION_MAX_AGE_SECONDS).toBe(8 * 60 * 60);
  });

  it("coerces numeric variables from strings", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://x@h/db", NEXTAUTH_SECRET: SECRET, SCOPEBOOK_MAX_UPLOAD_BYTES: "1024" });
    expect(env.SCOPEBOOK_MAX_UPLOAD_BYTES).toBe(1024);
  });

  it("a missing NEXTAUTH_SECRET is an EnvError that names the variable", () => {
    const err = envError({ DATABASE_URL: URL_OK });
    expect(err.message).toContain("NEXTAUTH_SECRET");
    expect(err.message).not.toContain("DATABASE_URL");
  });

  it("a short NEXTAUTH_SECRET says how long it must be", () => {
    expect(envError({ DATABASE_URL: URL_OK, NEXTAUTH_SECRET: "short" }).message).toMatch(/NEXTAUTH_SECRET: .*32 characters/);
  });

  it("a DATABASE_URL that is not a postgres URL is named", () => {
    for (const bad of ["mysql://u@h/db", "127.0.0.1:5432", ""]) {
      const err = envError({ DATABASE_URL: bad, NEXTAUTH_SECRET: SECRET });
      expect(err.message, bad).toMatch(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    }
  });

  it("names every invalid variable at once", () => {
    const err = envError({ SCOPEBOOK_MAX_UPLOAD_BYTES: "-5" });
    expect(err.message).toContain("DATABASE_URL");
    expect(err.message).toContain("NEXTAUTH_SECRET");
    expect(err.message).toContain("SCOPEBOOK_MAX_UPLOAD_BYTES");
  });

  it("the vitest environment itself is valid (NEXTAUTH_SECRET from vitest.config.ts, DATABASE_URL from the global setup)", () => {
    expect(() => parseEnv(process.env)).not.toThrow();
  });

  it("databaseUrl() reads and checks DATABASE_URL alone", () => {
    vi.stubEnv("DATABASE_URL", URL_OK);
    expect(databaseUrl()).toBe(URL_OK);
    vi.stubEnv("DATABASE_URL", "sqlite://file.db");
    expect(() => databaseUrl()).toThrow(EnvError);
    expect(() => databaseUrl()).toThrow(/DATABASE_URL/);
  });
});

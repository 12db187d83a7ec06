// Raw SQL helpers for integrity tests that go round the services (what the database itself refuses).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** The error a statement failed with (its Postgres code and message); throws when it did not fail. */
export async function sqlError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error("expected the statement to fail");
}

/** One `COPY … FROM STDIN` statement of these text-format lines. */
export async function copyLines(client: pg.Client, copySql: string, lines: string[]): Promise<void> {
  await pipeline(Readable.from([Buffer.from(lines.join(""))]), client.query(copyFrom(copySql)));
}

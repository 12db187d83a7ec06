// A period id from a URL or body: a malformed one is "not found" (like any unknown id), never a database error.
import { isUuid } from "../../../db/scope";
import { notFound } from "../../../errors";

export function assertPeriodId(input: unknown): void {
  const id = typeof input === "object" && input !== null ? (input as { periodId?: unknown }).periodId : undefined;
  if (typeof id !== "string" || !isUuid(id)) throw notFound("Reporting period");
}

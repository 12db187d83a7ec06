// zod at the service boundary: a failed parse becomes a 422 with field and reason.
import type { z } from "zod";
import { AppError } from "./errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join(".") || "input", reason: i.message }));
  throw new AppError("VALIDATION", `Invalid input: ${issues.map((i) => `${i.field} ${i.reason}`).join("; ")}`, issues);
}

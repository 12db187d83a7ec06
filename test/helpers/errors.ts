import { expect } from "vitest";
import { AppError, type ErrorCode } from "../../lib/errors";

/** Runs fn, expects it to reject with an AppError of that code, and returns the error. */
export async function expectAppError(fn: () => Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected AppError ${code}, but nothing was thrown`).toBeDefined();
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code, (caught as Error).message).toBe(code);
  return caught as AppError;
}

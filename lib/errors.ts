// Error codes every service may throw, and the one place that maps them to HTTP statuses.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export interface FieldIssue {
  field: string;
  reason: string;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const forbidden = (action: string) =>
  new AppError("FORBIDDEN", `Your role does not allow this action (${action}).`);
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);
export const invalid = (message: string, issues: FieldIssue[] = []) => new AppError("VALIDATION", message, issues);

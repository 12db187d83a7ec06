// An API error as the user sees it: the message and each field's reason.
export interface ApiError {
  message: string;
  issues?: { field: string; reason: string }[];
}

export async function apiError(res: Response): Promise<ApiError> {
  const json = await res.json().catch(() => null);
  return { message: json?.error?.message ?? `The request failed (HTTP ${res.status}).`, issues: json?.error?.issues };
}

export function ApiErrorBox({ error, testId }: { error: ApiError; testId: string }) {
  return (
    <div role="alert" data-testid={testId} className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      {error.message}
      {error.issues?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {error.issues.map((i, n) => (
            <li key={n}>
              {i.field}: {i.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// Next route handlers for CodeCarbon's live API: Request in, Response out; everything else is
// lib/http/tracker.ts (token auth, exact JSON, error mapping), shared with the emissions fast path.
import { JSON_HEADERS, MAX_TRACKER_BODY_BYTES, bodyTooLarge, handleTrackerRequest, type TrackerHandler } from "@/lib/http/tracker";

/** A route handler for /api/codecarbon/…: its handler's result is sent as JSON with `status`. */
export function trackerRoute(fn: TrackerHandler, status = 200) {
  return async (req: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const reply = await handleTrackerRequest(
      {
        headers: req.headers,
        text: async () => {
          const text = await req.text();
          if (Buffer.byteLength(text) > MAX_TRACKER_BODY_BYTES) throw bodyTooLarge();
          return text;
        },
        params: await params,
        query: Object.fromEntries(new URL(req.url).searchParams),
      },
      fn,
      status,
    );
    return new Response(reply.body, { status: reply.status, headers: JSON_HEADERS });
  };
}

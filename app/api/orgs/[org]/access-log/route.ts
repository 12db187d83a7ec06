// The member's own views and downloads (?who=all: everyone's, for officers), newest first, paged by ?beforeId.
import { orgRoute } from "@/app/api/_lib/route";
import { listAccessLog } from "@/lib/services/assurance/list-access-log";

export const GET = orgRoute(({ ctx, req }) => listAccessLog({ ctx, input: Object.fromEntries(new URL(req.url).searchParams) }));

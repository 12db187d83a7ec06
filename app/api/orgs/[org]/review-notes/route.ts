// GET: the auditor's own review notes (?period). POST: a new one. assurance:private — no member of the organization.
import { NextResponse } from "next/server";
import { addReviewNote } from "@/lib/services/assurance/add-review-note";
import { listReviewNotes } from "@/lib/services/assurance/list-review-notes";
import { readActionBody } from "../../../_lib/action-body";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx, req }) => listReviewNotes({ ctx, input: { periodId: new URL(req.url).searchParams.get("period") ?? undefined } }));
export const POST = orgRoute(async ({ ctx, req }) => NextResponse.json(await addReviewNote({ ctx, input: await readActionBody(req) }), { status: 201 }));

// GET: the instruments and their total MWh. POST JSON or multipart/form-data (optional "evidence" file) — 201.
import { createInstrument } from "@/lib/services/activity/create-instrument";
import { listInstruments } from "@/lib/services/activity/list-instruments";
import { readEntryBody } from "../../../_lib/entry-body";
import { orgRoute } from "../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(({ ctx }) => listInstruments({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => {
  const { fields, evidence } = await readEntryBody(req);
  return Response.json(await createInstrument({ ctx, input: fields, evidence }), { status: 201 });
});

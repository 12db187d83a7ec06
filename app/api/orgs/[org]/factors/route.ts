// GET: search the factors the organization can use (?keyType=&key=&year=&method=&datasetId=&page=).
// POST (multipart: the factor's fields and an "evidence" file): add a custom factor.
import { FACTOR_FILE_MAX_BYTES } from "@/lib/services/factors/read-factor-file";
import { addCustomFactor } from "@/lib/services/factors/add-custom-factor";
import { searchFactors } from "@/lib/services/factors/search-factors";
import { readForm } from "../../../_lib/form";
import { orgRoute } from "../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(({ ctx, req }) => searchFactors({ ctx, input: Object.fromEntries(new URL(req.url).searchParams) }));

export const POST = orgRoute(async ({ ctx, req }) => {
  const { fields, files } = await readForm(req, FACTOR_FILE_MAX_BYTES);
  return Response.json(await addCustomFactor({ ctx, input: { fields, evidence: files.evidence ?? null } }), { status: 201 });
});

// An evidence file (attached to an activity record or an instrument) as it was uploaded, with its sha256.
import { downloadEvidence } from "@/lib/services/activity/download-evidence";
import { fileResponse } from "../../../../_lib/download";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, params }) => fileResponse(await downloadEvidence({ ctx, input: { evidenceId: params.id } })));

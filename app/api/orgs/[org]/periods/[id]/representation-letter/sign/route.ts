// POST: the approver signs the period's representation letter (who, when and the PDF's sha256 are recorded).
import { signRepresentationLetter } from "@/lib/services/reporting/sign-representation-letter";
import { orgRoute } from "../../../../../../_lib/route";

export const runtime = "nodejs";

export const POST = orgRoute(({ ctx, params }) => signRepresentationLetter({ ctx, input: { periodId: params.id } }));

import { listImports } from "@/lib/services/imports/list-imports";
import { orgRoute } from "../../../_lib/route";

export const runtime = "nodejs";

/** Uploads go to ./upload (the raw file as the body, streamed); this lists the organization's imports. */
export const GET = orgRoute(({ ctx }) => listImports({ ctx }));

import { confirmImport } from "@/lib/services/imports/confirm-import";
import { orgRoute } from "../../../../../_lib/route";

export const runtime = "nodejs";

/** 202: the import is being written in the background; poll GET /imports/:id for its progress. */
export const POST = orgRoute(async ({ ctx, params }) => Response.json(await confirmImport({ ctx, input: { importId: params.id } }), { status: 202 }));

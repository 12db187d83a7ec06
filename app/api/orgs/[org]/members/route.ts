import { addMember } from "@/lib/services/organizations/add-member";
import { listMembers } from "@/lib/services/organizations/list-members";
import { orgRoute, readJson } from "../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(({ ctx }) => listMembers({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) =>
  Response.json(await addMember({ ctx, input: await readJson(req) }), { status: 201 }),
);

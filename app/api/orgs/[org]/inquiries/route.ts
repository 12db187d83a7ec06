// GET: the inquiries the caller may see (?status, ?period, ?awaitingMe=1). POST: the auditor raises one (JSON, or
// multipart with files under "attachments").
import { listInquiries } from "@/lib/services/assurance/list-inquiries";
import { raiseInquiry } from "@/lib/services/assurance/raise-inquiry";
import { NextResponse } from "next/server";
import { readFieldsAndFiles } from "../../../_lib/form-with-files";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx, req }) => {
  const q = new URL(req.url).searchParams;
  return listInquiries({ ctx, input: { status: q.get("status") ?? undefined, periodId: q.get("period") ?? undefined, awaitingMe: q.get("awaitingMe") ?? undefined } });
});

export const POST = orgRoute(async ({ ctx, req }) => {
  const { fields, files } = await readFieldsAndFiles(req);
  return NextResponse.json(await raiseInquiry({ ctx, input: fields, attachments: files }), { status: 201 });
});

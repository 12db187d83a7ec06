// Use case: the CSV templates Scopebook publishes (activity data, contractual instruments), for any member.
import { ACTIVITY_TEMPLATE_CSV, INSTRUMENTS_TEMPLATE_CSV } from "../../activity/templates";
import { authorize, type ServiceContext } from "../../auth/context";

const TEMPLATES = {
  activity: { fileName: "scopebook-activity-template.csv", text: ACTIVITY_TEMPLATE_CSV },
  instruments: { fileName: "scopebook-instruments-template.csv", text: INSTRUMENTS_TEMPLATE_CSV },
} as const;

export function getCsvTemplate({ ctx, input }: { ctx: ServiceContext; input: { kind: keyof typeof TEMPLATES } }) {
  authorize(ctx, "org:read");
  return TEMPLATES[input.kind];
}

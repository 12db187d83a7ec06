// Use case: the dashboard's tracker energy panel — every tracker run of the organization counted once with its
// final totals, energy and tracker-reported emissions, by day or month. It reads runs (what trackers reported,
// calculated or not), read from their sums per day (run_day_totals, decision 0025); the dashboard page streams it
// apart from the inventory.
import { coveredDateRanges } from "../assurance/engagement-scope";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import type { TrackerEnergy } from "../../views/dashboard";
import { trackerEnergy } from "./dashboard/tracker-energy";

export async function getTrackerEnergy({ ctx }: { ctx: ServiceContext }): Promise<TrackerEnergy> {
  authorize(ctx, "org:read");
  return trackerEnergy(prisma, ctx.organization.id, await coveredDateRanges(ctx));
}

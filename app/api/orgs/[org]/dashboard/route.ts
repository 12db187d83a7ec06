import { getDashboard } from "@/lib/services/inventory/get-dashboard";
import { orgRoute } from "../../../_lib/route";

// ?period=<id>&method=location|market (both optional): the dashboard's figures as exact decimal strings.
export const GET = orgRoute(({ ctx, req }) => {
  const q = new URL(req.url).searchParams;
  const input = Object.fromEntries(["period", "method"].flatMap((k) => (q.has(k) ? [[k, q.get(k)]] : [])));
  return getDashboard({ ctx, input });
});

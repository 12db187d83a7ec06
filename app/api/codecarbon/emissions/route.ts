import { postEmission } from "@/lib/tracker-http";
import { trackerRoute } from "../_lib/route";

export const POST = trackerRoute(postEmission, 201);

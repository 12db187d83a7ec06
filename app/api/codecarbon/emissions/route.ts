import { postEmission } from "@/lib/http/tracker";
import { trackerRoute } from "../_lib/route";

export const POST = trackerRoute(postEmission, 201);

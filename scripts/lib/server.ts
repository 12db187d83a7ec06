// The production server (started by startNext in boot.ts unless SCOPEBOOK_TRACKER_FAST_PATH=0). It does
// `next start`'s job through Next's programmatic API, except that
// POST /api/codecarbon/emissions — the one endpoint trackers call thousands of times — is answered by
// lib/http/tracker.ts directly, the same code the Next route runs, without Next's router and proxy around it.
// Every other request, including every other tracker endpoint, goes through Next unchanged.
// Why: Next's request pipeline costs ~1 ms of CPU per request; on 2 cores it caps a no-op route near
// 1,000 requests/s, below the 2,000 emissions/s trackers may send (docs/decisions/0006, scripts/bench-api.ts).
// Usage: node --import tsx scripts/lib/server.ts <host> <port>
import http from "node:http";
import next from "next";
import { MAX_TRACKER_BODY_BYTES, JSON_HEADERS, bodyTooLarge, handleTrackerRequest, postEmission } from "../../lib/http/tracker";
import { ROOT } from "./boot";

const FAST_PATHS = new Set(["/api/codecarbon/emissions", "/api/codecarbon/emissions/"]);

function readText(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_TRACKER_BODY_BYTES) {
        req.pause();
        reject(bodyTooLarge());
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function fastEmission(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const reply = await handleTrackerRequest(
    {
      headers: { get: (name) => { const v = req.headers[name]; return Array.isArray(v) ? v.join(", ") : (v ?? null); } },
      text: () => readText(req),
      params: {},
      query: {},
    },
    postEmission,
    201,
  );
  res.writeHead(reply.status, JSON_HEADERS).end(reply.body);
}

async function main() {
  const [host = "127.0.0.1", portText = "3000"] = process.argv.slice(2);
  const port = Number(portText);
  const app = next({ dev: false, dir: ROOT, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (req.method === "POST" && FAST_PATHS.has(req.url ?? "")) void fastEmission(req, res);
    else void handle(req, res);
  });
  server.listen(port, host, () => console.log(`✓ Ready on http://${host}:${port} (tracker emissions fast path on)`));
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

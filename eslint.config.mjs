// ESLint: the layering rules of docs/architecture.md, checked on every `npm test` (test/unit/layering.test.ts
// checks the same from the other side, reading imports directly).
import tseslint from "typescript-eslint";

const DB_IMPORTS = [
  { group: ["**/lib/db/**", "@/lib/db/**", "**/lib/generated/**", "@/lib/generated/**"], message: "app/ and components/ reach data through lib/services, never the database." },
  { group: ["@prisma/*", "pg"], message: "app/ and components/ never import Prisma or pg." },
];

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", "lib/generated/**", ".data/**", "next-env.d.ts"] },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: DB_IMPORTS }] },
  },
  {
    files: ["lib/ghg/**/*.ts", "lib/factors/**/*.ts", "lib/activity/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "net", "http", "pg", "@prisma/*", "next", "next/*", "**/db/**", "**/services/**"], message: "lib/ghg, lib/factors and lib/activity are pure domain: no I/O, no Prisma, no Next." },
          ],
        },
      ],
    },
  },
);

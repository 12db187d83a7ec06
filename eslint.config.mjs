// ESLint: the main layering rules of docs/ARCHITECTURE.md in the editor, checked on every `npm test`. The whole
// house (every floor, no cycles) is test/unit/layering.test.ts, with the floors as data in test/support/house.ts.
import tseslint from "typescript-eslint";

const UP_IMPORTS = [
  { group: ["**/components/**", "@/components/**", "**/app/**", "@/app/**"], message: "nothing in lib/ imports components/ or app/: the library never reaches up into the screens." },
];
const SERVICE_IMPORTS = [
  { group: ["**/lib/services/**", "@/lib/services/**"], message: "components receive plain data: import the shape from lib/views, never a use case." },
];
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
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: DB_IMPORTS }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...DB_IMPORTS, ...SERVICE_IMPORTS] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/ghg/**", "lib/factors/**", "lib/activity/**"],
    rules: { "no-restricted-imports": ["error", { patterns: UP_IMPORTS }] },
  },
  {
    files: ["lib/ghg/**/*.ts", "lib/factors/**/*.ts", "lib/activity/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "net", "http", "pg", "@prisma/*", "next", "next/*", "**/db/**", "**/services/**"], message: "lib/ghg, lib/factors and lib/activity are pure domain: no I/O, no Prisma, no Next." },
            ...UP_IMPORTS,
          ],
        },
      ],
    },
  },
);

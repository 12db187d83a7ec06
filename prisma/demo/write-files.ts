// `npx tsx prisma/demo/write-files.ts <dir>`: writes the generated demo files (prisma/demo/generate.ts) to a
// directory, to read them as the seed imports them.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoFiles } from "./generate";

const dir = process.argv[2];
if (!dir) throw new Error("usage: npx tsx prisma/demo/write-files.ts <dir>");
mkdirSync(dir, { recursive: true });
const f = demoFiles();
for (const file of [...f.codecarbon, ...f.gcp, ...f.aws, ...f.activity, f.instruments]) writeFileSync(path.join(dir, file.fileName), file.text);
console.log(`wrote ${f.codecarbon.length + f.gcp.length + f.aws.length + f.activity.length + 1} demo files to ${dir}`);

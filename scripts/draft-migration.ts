// Prints a first draft of the SQL for schema.prisma (prisma migrate cannot run offline; see docs/decisions/0001).
// Usage: npx tsx scripts/draft-migration.ts > /tmp/draft.sql — then copy what changed into a new migration.
import { draftSql, schemaShape } from "../lib/db/schema-shape";

process.stdout.write(draftSql(schemaShape()));

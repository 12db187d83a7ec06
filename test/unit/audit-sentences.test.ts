// Every audit action the code records reads as a sentence (the list is taken from the sources, so a new action
// without a verb fails here), and the diff lists changed keys only.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditSentence, changedKeys, SENTENCE_ACTIONS } from "../../lib/views/audit-sentences";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? (f === "generated" ? [] : files(p)) : p.endsWith(".ts") ? [p] : [];
  });
}

// Access-log actions (lib/services/assurance/access-log.ts), not audit events.
// And the inquiry transitions' own names (answer, return, close, reopen), recorded as inquiry.answered etc.
const ACCESS_ONLY = new Set(["answer", "return", "close", "reopen", "report.pdf", "evidence.downloaded", "import-file.downloaded", "import-errors.downloaded", "assurance.viewed", "audit.exported", "datapoints.csv", "datapoints.json"]);

describe("audit sentences", () => {
  it("cover every action recorded in lib/", () => {
    const found = new Set<string>();
    for (const f of files(path.join(process.cwd(), "lib"))) {
      const src = readFileSync(f, "utf8");
      if (!src.includes("recordAudit") && !src.includes("action:")) continue;
      for (const m of src.matchAll(/action: "([a-zA-Z0-9_.-]+)"/g)) found.add(m[1]);
      for (const m of src.matchAll(/\? "([a-z]+\.[a-z-]+)" : "([a-z]+\.[a-z-]+)"/g)) (found.add(m[1]), found.add(m[2]));
    }
    const missing = [...found].filter((a) => !ACCESS_ONLY.has(a) && !SENTENCE_ACTIONS.includes(a));
    expect(missing).toEqual([]);
    expect(found.size).toBeGreaterThan(30);
  });

  it("reads like a sentence", () => {
    expect(auditSentence({ action: "period.signed-off", actor: "Olga Officer", entityType: "ReportingPeriod", entityName: "FY2024", before: { status: "IN_REVIEW" }, after: { status: "SIGNED_OFF", reportVersion: 3 } })).toBe("Olga Officer signed off FY2024, version 3");
    expect(auditSentence({ action: "member.role_changed", actor: "Ada", entityType: "Membership", entityName: null, before: { role: "ENGINEER" }, after: { email: "e@x.test", role: "AUDITOR" } })).toBe("Ada changed the role of e@x.test from engineer to auditor");
    expect(auditSentence({ action: "x.y", actor: "Ada", entityType: "Thing", entityName: null, before: null, after: null })).toBe("Ada recorded x.y on Thing");
  });

  it("diffs changed keys only", () => {
    expect(changedKeys({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual([{ key: "b", before: 2, after: 3 }, { key: "c", before: null, after: 4 }]);
    expect(changedKeys(null, null)).toEqual([]);
  });
});

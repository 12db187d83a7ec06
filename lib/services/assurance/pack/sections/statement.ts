// The signed statement: report/statement.json (the version's canonical JSON exactly as stored), the PDF rendered
// from it, and the organization's public key.
import { renderE1ReportPdf } from "../../../../pdf/render-e1-report";
import type { PackSection } from "../section";

export const statementSection: PackSection = {
  name: "statement",
  async files(pc) {
    const pdf = await renderE1ReportPdf({
      status: "SIGNED_OFF",
      content: pc.content,
      seal: { number: pc.version.number, sha256: pc.version.sha256, auditHeadSeq: pc.version.auditHeadSeq, auditHeadHash: pc.version.auditHeadHash },
    });
    return [
      { path: "keys/org-signing.pub.pem", role: "public-key", mediaType: "application/x-pem-file", bytes: Buffer.from(pc.key.publicKeyPem) },
      { path: "report/statement.json", role: "statement", mediaType: "application/json", bytes: Buffer.from(pc.version.content) },
      { path: "report/ghg-statement.pdf", role: "report", mediaType: "application/pdf", bytes: pdf },
    ];
  },
};

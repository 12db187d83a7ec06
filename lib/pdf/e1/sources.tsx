// Emission factors used (dataset, publisher, version, licence and credit line) and restatements (previously vs
// currently stated, with the reason).
import { Text } from "@react-pdf/renderer";
import { FlowSection } from "./flow";
import { Note, type SectionProps } from "./layout";
import { change, tonnes } from "./numbers";
import { section } from "./sections";
import { s } from "./styles";
import type { Column } from "./table";

const FACTOR_COLUMNS: Column[] = [{ header: "Dataset" }, { header: "Publisher", width: 100, align: "left" }, { header: "Version", width: 62, align: "left" }, { header: "Licence", width: 100, align: "left" }];
const RESTATEMENT_COLUMNS: Column[] = [{ header: "Datapoint" }, { header: "Earlier version", width: 54 }, { header: "Previously stated (t CO₂e)", width: 84 }, { header: "Currently stated (t CO₂e)", width: 84 }, { header: "Change", width: 52 }];

export function Factors({ ctx }: SectionProps) {
  const { c } = ctx;
  const rows = c.factorSources.map((f) => ({ cells: [f.title, f.publisher, f.version, f.licence], sub: [f.attribution, f.url].filter(Boolean).join(" ") || undefined }));
  return (
    <FlowSection
      ctx={ctx}
      {...section("factors")}
      lead={`The ${c.factorSources.length} factor dataset(s) that priced the ledger lines of this version, credited as their licences require.`}
      before={c.factorSources.length === 0 ? <Text style={s.p}>No factor dataset was used.</Text> : undefined}
      tables={rows.length === 0 ? [] : [{ title: "Datasets", columns: FACTOR_COLUMNS, rows }]}
    />
  );
}

export function Restatements({ ctx }: SectionProps) {
  const { c } = ctx;
  const rows = c.restatements.map((r) => ({
    cells: [r.datapoint, `v${r.previousNumber}`, tonnes(r.previousKgCo2e), tonnes(r.currentKgCo2e), change(r.currentKgCo2e, r.previousKgCo2e)],
    sub: `Reason: ${r.reason ?? "none given"}${r.note ? ` · ${r.note}` : ""}`,
  }));
  return (
    <FlowSection
      ctx={ctx}
      {...section("restatements")}
      lead="Datapoints whose value differs from an earlier report version of this period (ESRS 1 §7.1): the previously stated value, the currently stated value and the reason."
      before={rows.length === 0 ? <Text style={s.p}>No datapoint has been restated.</Text> : undefined}
      tables={rows.length === 0 ? [] : [{ title: "Restated datapoints", columns: RESTATEMENT_COLUMNS, rows }]}
      after={<Note>Previously stated values are tagged with the ESRS restatement axis (PreviouslyStatedMember); the currently stated value is the one in this report.</Note>}
    />
  );
}

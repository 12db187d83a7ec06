// Scope 2 contractual instruments: the share of market-based consumption they cover (bundled / unbundled), by
// type, and each instrument applied.
import { Text } from "@react-pdf/renderer";
import { FlowSection } from "./flow";
import { Note, type SectionProps } from "./layout";
import { mwh, pct } from "./numbers";
import { section } from "./sections";
import { s } from "./styles";
import { KVTable, type Column } from "./table";

export const INSTRUMENT_TYPES: Record<string, string> = { REC: "Renewable energy certificate (REC)", GUARANTEE_OF_ORIGIN: "Guarantee of Origin", PPA: "Power purchase agreement", GREEN_TARIFF: "Green tariff", SUPPLIER_SPECIFIC: "Supplier-specific rate" };
const typeLabel = (t: string) => INSTRUMENT_TYPES[t] ?? t;
const INSTRUMENT_COLUMNS: Column[] = [{ header: "Type and certificate" }, { header: "Market", width: 120, align: "left" }, { header: "Vintage", width: 44 }, { header: "MWh", width: 62 }, { header: "Status", width: 62 }];

export function Instruments({ ctx }: SectionProps) {
  const { c } = ctx;
  const i = c.e16Extras.instruments;
  return (
    <FlowSection
      ctx={ctx}
      {...section("instruments")}
      lead="Energy attribute certificates and contracts applied to market-based Scope 2 (E1-6 AR 45): cancelled for the reporting period's consumption, never carried over."
      beforeHeight={(5 + i.byType.length) * 17 + (c.instruments.length === 0 ? 50 : 0)}
      before={
        <>
          <KVTable
        keyWidth={220}
        rows={[
          { k: "Market-based Scope 2 electricity consumption", v: `${mwh(i.marketBasedMwh)} MWh` },
          { k: "Covered by contractual instruments", v: `${mwh(i.coveredMwh)} MWh (${pct(i.coveredPct)})` },
          { k: "Bundled with the energy", v: `${mwh(i.bundledMwh)} MWh` },
          { k: "Unbundled energy attribute claims", v: `${mwh(i.unbundledMwh)} MWh` },
          { k: "Bundling not stated", v: `${mwh(i.bundledNotStatedMwh)} MWh` },
          ...i.byType.map((t) => ({ k: typeLabel(t.type), v: `${mwh(t.mwh)} MWh (${pct(t.pctOfCovered)} of the covered consumption)` })),
        ]}
          />
          {c.instruments.length === 0 && <Text style={[s.p, { marginTop: 10 }]}>No contractual instrument was applied in the period.</Text>}
        </>
      }
      tables={c.instruments.length === 0 ? [] : [{ title: "Instruments applied", columns: INSTRUMENT_COLUMNS, rows: c.instruments.map((x) => ({ cells: [typeLabel(x.type), x.market, x.vintage, mwh(x.appliedMwh), x.status.toLowerCase()], sub: x.certificateId ?? "no certificate id" })) }]}
      after={<Note>Consumption not covered by an instrument is priced with the residual mix of its market where one is published, otherwise with the grid average (flagged in Data quality).</Note>}
    />
  );
}

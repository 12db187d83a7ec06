// Which ledger lines make up a datapoint of the report (vouching: figure → lines). The query string is the filter
// of the lines page and of GET /api/orgs/{org}/periods/{id}/lines (lib/services/inventory/get-ledger-lines.ts).
// Ratios, percentages, revenue and the E1-5 energy mix are not sums of ledger lines' emissions: null.
const QUERIES: Record<string, string> = {
  "E1-6.scope1": "scope=SCOPE_1",
  "E1-6.scope2.location-based": "scope=SCOPE_2&view=lb",
  "E1-6.scope2.market-based": "scope=SCOPE_2&view=mb",
  "E1-6.scope3.location-based": "scope=SCOPE_3&view=lb",
  "E1-6.scope3.market-based": "scope=SCOPE_3&view=mb",
  "E1-6.total.location-based": "view=lb",
  "E1-6.total.market-based": "view=mb",
};

export function datapointLinesQuery(name: string): string | null {
  const cat = /^E1-6\.scope3\.cat(\d{1,2})(?:\.(location|market)-based)?$/.exec(name);
  if (cat) return `scope=SCOPE_3&category=${Number(cat[1])}${cat[2] ? `&view=${cat[2] === "location" ? "lb" : "mb"}` : ""}`;
  return QUERIES[name] ?? null;
}

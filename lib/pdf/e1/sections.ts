// The sections of the E1 report in order; each starts on a new page. The contents lists them with the page their
// heading landed on in the first rendering pass (render-e1-report.ts).
export interface SectionInfo {
  id: string;
  kicker: string;
  title: string;
}

export const SECTIONS: readonly SectionInfo[] = [
  { id: "key-figures", kicker: "Overview", title: "Key figures" },
  { id: "e1-4", kicker: "ESRS E1-4", title: "Targets related to climate change mitigation" },
  { id: "e1-5", kicker: "ESRS E1-5", title: "Energy consumption and mix" },
  { id: "e1-6", kicker: "ESRS E1-6", title: "Gross Scopes 1, 2, 3 and total GHG emissions" },
  { id: "analysis", kicker: "ESRS E1-6 · analysis", title: "Emissions by month, category, site and project" },
  { id: "breakdowns", kicker: "ESRS E1-6 · detail", title: "Emissions by site, project and source" },
  { id: "instruments", kicker: "ESRS E1-6 · Scope 2", title: "Contractual instruments" },
  { id: "methodology", kicker: "Basis of preparation", title: "Methodology, boundary and ISO 14064-1 mapping" },
  { id: "factors", kicker: "Basis of preparation", title: "Emission factors used" },
  { id: "restatements", kicker: "Basis of preparation", title: "Restatements" },
  { id: "data-quality", kicker: "Basis of preparation", title: "Data quality" },
  { id: "statement", kicker: "Approval", title: "Statement of preparation" },
];

export const section = (id: string): SectionInfo => {
  const found = SECTIONS.find((x) => x.id === id);
  if (!found) throw new Error(`unknown report section ${id}`);
  return found;
};

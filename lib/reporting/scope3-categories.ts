// The 15 Scope 3 categories of the GHG Protocol Corporate Value Chain Standard, and where each falls among
// ISO 14064-1:2018's indirect categories (3 transportation, 4 products used by the organization, 5 use of its
// products, 6 other). Scope 1 is ISO category 1 (direct), Scope 2 is category 2 (imported energy).

export interface Scope3Category {
  category: number;
  label: string;
  /** Upstream or downstream of the organization's own operations. */
  stream: "upstream" | "downstream";
  iso14064: 3 | 4 | 5 | 6;
}

export const SCOPE3_CATEGORIES: readonly Scope3Category[] = [
  { category: 1, label: "Purchased goods and services", stream: "upstream", iso14064: 4 },
  { category: 2, label: "Capital goods", stream: "upstream", iso14064: 4 },
  { category: 3, label: "Fuel- and energy-related activities", stream: "upstream", iso14064: 4 },
  { category: 4, label: "Upstream transportation and distribution", stream: "upstream", iso14064: 3 },
  { category: 5, label: "Waste generated in operations", stream: "upstream", iso14064: 4 },
  { category: 6, label: "Business travel", stream: "upstream", iso14064: 3 },
  { category: 7, label: "Employee commuting", stream: "upstream", iso14064: 3 },
  { category: 8, label: "Upstream leased assets", stream: "upstream", iso14064: 4 },
  { category: 9, label: "Downstream transportation and distribution", stream: "downstream", iso14064: 3 },
  { category: 10, label: "Processing of sold products", stream: "downstream", iso14064: 5 },
  { category: 11, label: "Use of sold products", stream: "downstream", iso14064: 5 },
  { category: 12, label: "End-of-life treatment of sold products", stream: "downstream", iso14064: 5 },
  { category: 13, label: "Downstream leased assets", stream: "downstream", iso14064: 5 },
  { category: 14, label: "Franchises", stream: "downstream", iso14064: 6 },
  { category: 15, label: "Investments", stream: "downstream", iso14064: 6 },
];

export const ISO14064_CATEGORIES: readonly { category: number; label: string; ghgProtocol: string }[] = [
  { category: 1, label: "Direct GHG emissions and removals", ghgProtocol: "Scope 1" },
  { category: 2, label: "Indirect GHG emissions from imported energy", ghgProtocol: "Scope 2" },
  { category: 3, label: "Indirect GHG emissions from transportation", ghgProtocol: "Scope 3 categories 4, 6, 7, 9" },
  { category: 4, label: "Indirect GHG emissions from products used by the organization", ghgProtocol: "Scope 3 categories 1, 2, 3, 5, 8" },
  { category: 5, label: "Indirect GHG emissions associated with the use of products from the organization", ghgProtocol: "Scope 3 categories 10, 11, 12, 13" },
  { category: 6, label: "Indirect GHG emissions from other sources", ghgProtocol: "Scope 3 categories 14, 15" },
];

export function scope3Label(category: number): string {
  return SCOPE3_CATEGORIES.find((c) => c.category === category)?.label ?? `Category ${category}`;
}

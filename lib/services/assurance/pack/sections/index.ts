// The pack's sections, in any order (the builder sorts the files). Add a section: one file in this folder, one line here.
import type { PackSection } from "../section";
import { ledgerSection } from "./ledger";
import { recordsSection } from "./records";
import { factorsSection, sourcesSection } from "./sources";
import { statementSection } from "./statement";
import { verifySection } from "./verify";

export const SECTIONS: PackSection[] = [statementSection, ledgerSection, factorsSection, sourcesSection, recordsSection, verifySection];

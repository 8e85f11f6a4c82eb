import type { Category, Scope, Scope3Category } from '../activity/categories.js';
import type { ActivityRecord, DataQuality, ReportingYear } from '../activity/record.js';
import type { EmissionLine, MemoLine } from '../calculate/line.js';
import type { Decimal } from '../decimal.js';
import type { FactorSetId } from '../factors/set-id.js';
import type { Problem } from '../problem.js';

/** Who the inventory is of: name, ONS code, council type, region, boundary notes. */
export interface CouncilProfile {
  readonly name?: string;
  readonly onsCode?: string;
  readonly councilType?: string;
  readonly region?: string;
  readonly boundaryNotes?: string;
}

/** The factor set an inventory used: id, title, year, source file. */
export interface FactorSetSummary {
  readonly id: FactorSetId;
  readonly title: string;
  readonly year: number;
  readonly sourceFile: string;
  readonly provenanceNote?: string;
}

/** Totals in kgCO2e, exact (never rounded). Scope 2 location-based in `byScope` and `total`. */
export interface InventoryTotals {
  readonly total: Decimal;
  /** The total with scope 2 market-based instead of location-based. */
  readonly totalMarketBased: Decimal;
  readonly byScope: Readonly<Record<Scope, Decimal>>;
  readonly scope2MarketBased: Decimal;
  readonly byScope3Category: ReadonlyMap<Scope3Category, Decimal>;
  readonly byCategory: ReadonlyMap<Category, Decimal>;
  /** Lines without a site label are under ''. */
  readonly bySite: ReadonlyMap<string, Decimal>;
  readonly byDataQuality: Readonly<Record<DataQuality, Decimal>>;
  /** Biogenic CO2 from bioenergy, outside of scopes. */
  readonly biogenicCO2: Decimal;
}

/** A costed inventory: its lines, memo items, problems and exact totals, with the council, year and factor set. */
export interface Inventory {
  readonly council: CouncilProfile;
  readonly reportingYear?: ReportingYear;
  readonly factorSet: FactorSetSummary;
  /** Every valid record (those a factor problem excluded too), so the inventory can be recalculated under another set. */
  readonly records: readonly ActivityRecord[];
  readonly lines: readonly EmissionLine[];
  readonly memo: readonly MemoLine[];
  /** Problems that excluded records (errors) or qualify them (warnings). */
  readonly problems: readonly Problem[];
  /** Records given to the calculator: every one is in `lines`/`memo` or named by an error in `problems`. */
  readonly recordCount: number;
  readonly totals: InventoryTotals;
}

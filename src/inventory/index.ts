export { calculateInventory, recalculate, type CalculationInput, type CalculationOptions } from './calculate-inventory.js';
export { formatTonnes, formatShare, ROUNDING_RULE } from './present.js';
export type { Inventory, InventoryTotals, CouncilProfile, FactorSetSummary } from './types.js';

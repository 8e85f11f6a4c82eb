export { calculateInventory, recalculate, type CalculationInput, type CalculationOptions } from './calculate-inventory.js';
export { compareInventories, COMPARISON_METHOD, type ChangeRow, type ComparedYear, type CountedAs, type InventoryComparison, type MethodChange } from './compare.js';
export { serialiseInventory, parseInventory, InventoryFormatError, INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION } from './serialise.js';
export { formatTonnes, formatShare, ROUNDING_RULE } from './present.js';
export type { Inventory, InventoryTotals, CouncilProfile, FactorSetSummary } from './types.js';
export { inventoryFromImport, councilFromProfile } from './from-import.js';

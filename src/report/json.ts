import { serialiseInventory } from '../inventory/serialise.js';
import type { Inventory } from '../inventory/types.js';

/**
 * The full inventory as JSON: every record with its origin, every line with its factor and the published row it came
 * from, every problem. It is the inventory's own lossless format (src/inventory/serialise.ts: decimals as exact
 * strings, keys sorted, byte-identical for equal inventories), so `parseInventory` reads a JSON report back.
 */
export function renderJson(inventory: Inventory): string {
  return serialiseInventory(inventory);
}

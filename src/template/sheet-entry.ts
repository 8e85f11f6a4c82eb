import type { CategoryGroup } from '../import/groups.js';
import type { ActivityField } from '../import/headers.js';
import { sourceParts, type SourceChoice, type SourceParts } from '../import/source-labels.js';

/** A Source list entry: what the cell shows, and a choice it stands for (its family gives the blank category). */
export interface SourceEntry {
  readonly what: string;
  readonly choice: SourceChoice;
}

/** The fuels a vehicle may be given with, as its Vehicle fuel list offers them. */
export interface VehicleFuels {
  /** The vehicle's id without its fuel (car:medium): names its list. */
  readonly vehicle: string;
  /** The vehicle as the Source list shows it. */
  readonly what: string;
  readonly fuels: readonly string[];
}

/**
 * How a sheet's sources are entered. On a sheet with vehicles that come in several fuels (Fleet, Travel), the
 * Source list offers each vehicle once (by kind and size) and a Vehicle fuel column beside it offers, row by row,
 * only the fuels the factor set publishes for the vehicle chosen: those `costed` (the previews found a factor
 * for). Other sheets enter every choice whole, as before.
 */
export interface SheetEntry {
  /** Every choice of the sheet, each also read whole. */
  readonly choices: readonly SourceChoice[];
  readonly fields: readonly ActivityField[];
  readonly sources: readonly SourceEntry[];
  readonly vehicles: readonly VehicleFuels[];
  /** How a source is written to the sheet's Source (and Vehicle fuel) cells. */
  parts(choice: SourceChoice): SourceParts;
}

export function sheetEntry(group: CategoryGroup, choices: readonly SourceChoice[], costed: (choice: SourceChoice) => boolean): SheetEntry {
  const split = choices.map((choice) => ({ choice, parts: sourceParts(choice) }));
  if (!split.some((s) => s.parts.fuel !== undefined)) {
    return { choices, fields: group.fields, sources: choices.map((choice) => ({ what: choice.label, choice })), vehicles: [], parts: (choice) => ({ what: choice.label }) };
  }
  const offered = split.filter((s) => s.parts.vehicle === undefined || costed(s.choice));
  const sources = new Map<string, SourceEntry>();
  const vehicles = new Map<string, { vehicle: string; what: string; fuels: string[] }>();
  for (const { choice, parts } of offered) {
    if (!sources.has(parts.what)) sources.set(parts.what, { what: parts.what, choice });
    if (parts.vehicle === undefined || parts.fuel === undefined) continue;
    const entry = vehicles.get(parts.vehicle) ?? { vehicle: parts.vehicle, what: parts.what, fuels: [] };
    entry.fuels.push(parts.fuel);
    vehicles.set(parts.vehicle, entry);
  }
  const at = group.fields.indexOf('source') + 1;
  return {
    choices,
    fields: [...group.fields.slice(0, at), 'vehicleFuel', ...group.fields.slice(at)],
    sources: [...sources.values()],
    vehicles: [...vehicles.values()],
    parts: sourceParts,
  };
}

/**
 * The defined name of a vehicle's fuel list on a sheet: letters, digits and underscores, starting "Fuels_" so it
 * can never read as a cell address (Excel's and LibreOffice's rule for names): Fuels_Fleet_car_medium.
 */
export const fuelListName = (sheet: string, vehicle: string): string => `Fuels_${sheet}_${vehicle}`.replace(/[^A-Za-z0-9_]+/g, '_');

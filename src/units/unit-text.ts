import { isUnit, UNITS, type Unit } from './units.js';

/**
 * How units are written in council spreadsheets, normalised (lower case, single spaces) → the library's unit.
 * A unit's own name in any case ("kwh", "GJ") is found without an entry here.
 */
const UNIT_SYNONYMS: Record<string, Unit> = {
  'kw h': 'kWh', 'kilowatt hours': 'kWh', 'kilowatt-hours': 'kWh',
  // DESNZ's own labels, as copied from its tables.
  'kwh (gross cv)': 'kWh', 'kwh gross cv': 'kWh', 'kwh (gross)': 'kWh', 'kwh net cv': 'kWh (net CV)', 'kwh (net)': 'kWh (net CV)',
  'mwh (gross cv)': 'MWh', 'room per night': 'room night', 'per fte working hour': 'FTE hour',
  therms: 'therm',
  l: 'litre', ltr: 'litre', ltrs: 'litre', litres: 'litre', liters: 'litre', liter: 'litre', lt: 'litre',
  'm³': 'm3', 'cubic metres': 'm3', 'cubic meters': 'm3', 'cu m': 'm3', ml: 'million litres', 'megalitres': 'million litres',
  'ft³': 'ft3', 'cubic feet': 'ft3', 'cu ft': 'ft3',
  kgs: 'kg', kilograms: 'kg', kilogram: 'kg', t: 'tonne', tonnes: 'tonne', tons: 'tonne', te: 'tonne',
  kms: 'km', kilometres: 'km', kilometers: 'km', miles: 'mile',
  pkm: 'passenger.km', 'passenger km': 'passenger.km', 'passenger kms': 'passenger.km', 'passenger miles': 'passenger.mile', 'passenger mile': 'passenger.mile',
  'vehicle km': 'vehicle.km', 'vehicle miles': 'vehicle.mile', 'tonne km': 'tonne.km', tkm: 'tonne.km', 'tonne miles': 'tonne.mile',
  nights: 'room night', 'room nights': 'room night', 'hotel nights': 'room night',
  hours: 'FTE hour', 'fte hours': 'FTE hour', 'working hours': 'FTE hour',
  '£': 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP',
};

const byLowerCase = new Map(UNITS.map((u) => [u.toLowerCase(), u]));

/** "kWh", "Litres", "m³", "£" → the unit; undefined when not recognised. */
export function readUnit(text: string): Unit | undefined {
  const t = text.trim();
  if (isUnit(t)) return t;
  const key = t.toLowerCase().replace(/\s+/g, ' ');
  return byLowerCase.get(key) ?? UNIT_SYNONYMS[key] ?? UNIT_SYNONYMS[key.replace(/[.]/g, ' ')];
}

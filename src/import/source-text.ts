import { SOURCE_FAMILIES } from '../activity/sources.js';
import { sourceFromLabel } from './source-labels.js';

/** Plain names councils use for a source (in a Source cell or a column header such as "Gas (kWh)"). */
const SOURCE_SYNONYMS: Record<string, string> = {
  gas: 'natural-gas', 'mains gas': 'natural-gas', 'natural gas': 'natural-gas',
  electricity: 'electricity', elec: 'electricity', 'grid electricity': 'electricity', power: 'electricity',
  'heating oil': 'burning-oil', kerosene: 'burning-oil', oil: 'burning-oil', 'burning oil': 'burning-oil',
  'red diesel': 'gas-oil', 'gas oil': 'gas-oil', 'fuel oil': 'fuel-oil',
  'diesel': 'diesel', 'petrol': 'petrol', hvo: 'hvo', lpg: 'lpg', propane: 'propane', cng: 'cng',
  biodiesel: 'biodiesel-me', fame: 'biodiesel-me', 'biodiesel me': 'biodiesel-me', biopropane: 'biopropane', 'bio-lpg': 'biopropane', 'bio lpg': 'biopropane',
  'district heating': 'district-heat', 'district heat': 'district-heat', 'heat network': 'district-heat',
  biomass: 'wood-pellets', 'wood pellets': 'wood-pellets', 'wood chips': 'wood-chips', 'wood chip': 'wood-chips', 'wood logs': 'wood-logs',
  water: 'water-supply', 'water supply': 'water-supply', 'mains water': 'water-supply',
  sewerage: 'water-treatment', 'waste water': 'water-treatment', wastewater: 'water-treatment', 'water treatment': 'water-treatment',
  homeworking: 'homeworking', 'home working': 'homeworking',
};

const byLabel = new Map(SOURCE_FAMILIES.filter((f) => f.options.length === 0).map((f) => [f.label.toLowerCase(), f.family]));

/**
 * A source id from what a council wrote: an id ("car:medium:diesel", in any case), the catalogue label of a
 * source without options ("Natural gas"), a template drop-down's label ("Car – medium – diesel", see
 * source-labels.ts) or a common name ("mains gas", "kerosene"). Unrecognised text is
 * returned as written (lower case) so the catalogue's own check reports it with suggestions.
 */
export function readSource(text: string): string {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return SOURCE_SYNONYMS[t] ?? byLabel.get(t) ?? sourceFromLabel(t) ?? t;
}

/** A column header naming a source, as in "Gas (kWh)"; undefined when the name is no known source. */
export function sourceFromHeaderName(name: string): string | undefined {
  const t = name.trim().toLowerCase();
  return SOURCE_SYNONYMS[t] ?? byLabel.get(t) ?? (SOURCE_FAMILIES.some((f) => f.family === t && f.options.length === 0) ? t : undefined);
}

import type { Scope } from '../activity/categories.js';

/**
 * Plain-English notes on what the figures include and how they were made, shown in the XLSX "About" sheet and the
 * HTML page. Written for the non-expert reader: councillors, residents, auditors new to carbon accounting.
 */
export const BOUNDARY_NOTES: readonly string[] = [
  'Scopes follow the GHG Protocol Corporate Standard. Scope 1: fuel the council burns and gases its equipment leaks. Scope 2: electricity and heat it buys. Scope 3: emissions in its value chain that it chose to measure, such as business travel, staff commuting, waste, water, purchased goods and services, leased buildings and outsourced services.',
  'Scope 2 is given two ways. Location-based uses the average UK grid; market-based uses the council’s own electricity contracts (renewable-backed tariffs, a supplier’s fuel mix, or the residual mix). Totals use location-based unless labelled market-based.',
  'Upstream emissions of fuel and energy (well-to-tank) and grid losses (transmission and distribution) are included, as the UK Government recommends, unless the problems list says the council chose to leave them out to compare with a report that did.',
  'Memo items (biogenic CO2 from burning wood or biogas, renewable electricity generated, carbon removed by planting) are reported beside the totals, never added to or netted off them.',
];

export const METHOD_NOTES: readonly string[] = [
  'Each emission is an activity (kWh, litres, miles, tonnes, £) multiplied by a UK Government (DESNZ) greenhouse-gas conversion factor; every line names its factor and the row of the published table it came from.',
  'The upstream emissions of the fuel and electricity the council uses (extraction, refining, transport, grid losses) are counted in scope 3, category 3.',
  'Data quality says how each figure was measured: metered readings and invoices are firm; estimates and spend-based figures (£ multiplied by an average factor per £) are the least certain and the first to improve.',
  'Text from the input that a spreadsheet could read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe in CSV and XLSX exports.',
];

/**
 * What a reader must know before quoting a spend-based figure: it estimates, it measures money, and how to
 * improve it. Shown wherever procurement is reported.
 */
export const SPEND_EXPLANATION =
  'Spend-based figures multiply what the council paid (£, excluding VAT) by the average emissions per £ of everything ' +
  'bought from that product group across the UK economy (Defra / University of Leeds multipliers by SIC 2007 group). ' +
  'They are estimates with wide uncertainty: one supplier can be far above or below its industry’s average, and the ' +
  'figure follows price, not carbon, so paying more for the same goods raises it and choosing a lower-carbon supplier ' +
  'does not lower it. Use them to see where the emissions are likely to be, and replace the largest with suppliers’ own ' +
  'figures for the council’s contracts (supplier-specific) as they become available.';

/** What the report assumed of VAT and prices, in a sentence: never silent. */
export function vatAndPriceNote(p: { readonly vatRemoved: number; readonly unadjusted: number }): string {
  const vat = p.vatRemoved === 0
    ? 'Spend amounts are taken as excluding VAT, as the multipliers are.'
    : `Spend amounts are taken as excluding VAT, as the multipliers are, except ${p.vatRemoved} stated to include it, whose VAT was removed first.`;
  const prices = p.unadjusted === 0 ? '' : ` ${p.unadjusted} spend line(s) fall after the newest year of multipliers and were costed without a price index, so they are slightly overstated by inflation.`;
  return vat + prices;
}

/** What each scope means, in a sentence a councillor can repeat. */
export const SCOPE_EXPLANATIONS: Readonly<Record<Scope, string>> = {
  'scope-1': 'Direct emissions: gas and oil burnt in council buildings, fuel used by council vehicles, and refrigerant gases leaking from air-conditioning.',
  'scope-2': 'Electricity and heat the council buys: the emissions happen at the power station or heat plant, not on council premises.',
  'scope-3': 'Emissions the council causes elsewhere: staff business travel and commuting, waste, water, purchased goods and services, and the extraction and transport of the fuel and electricity it uses.',
};

export const SCOPE_2_EXPLANATION =
  'Location-based scope 2 uses the average emissions of the UK grid, whoever the council buys from. Market-based scope 2 ' +
  'uses the council’s own contracts: a renewable-backed tariff counts as zero, a supplier’s disclosed fuel mix at its own ' +
  'rate, and anything else at the residual mix (or the grid average when no residual mix is given). Totals use location-based.';

export const DATA_QUALITY_EXPLANATION =
  'How each figure was measured. Metered readings and invoices are firm; estimates and spend-based figures are the least ' +
  'certain, and the first place to improve the data.';

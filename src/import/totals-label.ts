/** A label that starts a totals row: "Total", "Totals", "Sub-total: gas", "Grand total" (not "Totally"). */
export const TOTALS_LABEL = /^(grand\s+|sub[-\s]?)?totals?\b/i;

/**
 * What one published value measures. DESNZ rows give, per path and unit, the total kgCO2e and the kgCO2e
 * contributed by each gas (labelled "kg CO2" / "kg CH4" / "kg N2O" before 2023, "kg CO2e of CH4 per unit"
 * since; always CO2-equivalent), and for SECR rows the energy in kWh per unit (net CV for fuels).
 */
export const MEASURES = ['kgCO2e', 'kgCO2e-CO2', 'kgCO2e-CH4', 'kgCO2e-N2O', 'kWh'] as const;
/** One of `MEASURES`: kgCO2e in total or of one gas, or kWh. */
export type Measure = (typeof MEASURES)[number];
/** A per-gas measure: kgCO2e of CO2, CH4 or N2O. */
export type GasMeasure = Exclude<Measure, 'kgCO2e' | 'kWh'>;
/** The per-gas measures, in the order DESNZ publishes them. */
export const GAS_MEASURES: readonly GasMeasure[] = ['kgCO2e-CO2', 'kgCO2e-CH4', 'kgCO2e-N2O'];

const LABELS: Record<string, Measure> = {
  'kg co2e': 'kgCO2e',
  'kg co2': 'kgCO2e-CO2',
  'kg ch4': 'kgCO2e-CH4',
  'kg n2o': 'kgCO2e-N2O',
  'kg co2e of co2 per unit': 'kgCO2e-CO2',
  'kg co2e of ch4 per unit': 'kgCO2e-CH4',
  'kg co2e of n2o per unit': 'kgCO2e-N2O',
  'kg co2e of co2': 'kgCO2e-CO2',
  'kg co2e of ch4': 'kgCO2e-CH4',
  'kg co2e of n2o': 'kgCO2e-N2O',
  'kwh (net cv)': 'kWh',
  'kwh (net)': 'kWh',
  kwh: 'kWh',
};

/** The measure for a published "GHG" / "GHG/Unit" label, or undefined when the label is not recognised. */
export function measureOfLabel(label: string): Measure | undefined {
  return LABELS[label.trim().replace(/\s+/g, ' ').toLowerCase()];
}

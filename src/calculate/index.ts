export type { EmissionLine, MemoLine, FactorUsed, QuantityUsed, LineRole, MarketBasis, MemoKind, Method as CalculationMethod, SpendDetail } from './line.js';
export { METHODS as CALCULATION_METHODS } from './line.js';
export type { CalculationProblem, CalculationProblemCode } from './calculate-record.js';
export { SpendFactorTableSchema, PriceIndexSchema, type SpendFactorTable, type PriceIndex } from './spend.js';

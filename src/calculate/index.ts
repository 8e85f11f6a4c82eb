export type { EmissionLine, MemoLine, FactorUsed, QuantityUsed, LineRole, MarketBasis, MemoKind } from './line.js';
export type { CalculationProblem, CalculationProblemCode } from './calculate-record.js';
export { SpendFactorTableSchema, type SpendFactorTable } from './spend.js';

/**
 * council-ghg/benchmark: many councils' submitted baselines aggregated into anonymised peer comparisons under
 * disclosure control. The ONS register and a folder of submissions are read from disk (Node).
 *
 * @module council-ghg/benchmark
 */
export * from '../benchmark/index.js';

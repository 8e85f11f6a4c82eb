import type { Scope } from '../../activity/categories.js';
import type { DataQuality } from '../../activity/record.js';
import type { Method } from '../../calculate/line.js';
import type { Fill } from './svg.js';

/**
 * Colour-blind-safe hues (Okabe–Ito and ColorBrewer), each paired with a distinct pattern so series stay apart in
 * greyscale print and for readers who do not see the colour difference.
 */
export const SCOPE_FILLS: Record<Scope, Fill> = {
  'scope-1': { name: 'scope-1', colour: '#0f4c81', pattern: 'solid' },
  'scope-2': { name: 'scope-2', colour: '#b86e00', pattern: 'hatch' },
  'scope-3': { name: 'scope-3', colour: '#00785a', pattern: 'dots' },
};

export const MARKET_BASED_FILL: Fill = { name: 'market-based', colour: '#6a3d9a', pattern: 'cross' };

export const CATEGORY_FILL: Fill = { name: 'category', colour: '#0f4c81', pattern: 'solid' };

export const DATA_QUALITY_FILLS: Record<DataQuality, Fill> = {
  metered: { name: 'metered', colour: '#1b7837', pattern: 'solid' },
  invoiced: { name: 'invoiced', colour: '#4d9fd6', pattern: 'hatch' },
  estimated: { name: 'estimated', colour: '#d08c00', pattern: 'dots' },
  'spend-based': { name: 'spend-based', colour: '#b2182b', pattern: 'cross' },
};

export const METHOD_FILLS: Record<Method, Fill> = {
  'activity-based': { name: 'activity-based', colour: '#1b7837', pattern: 'solid' },
  'supplier-specific': { name: 'supplier-specific', colour: '#4d9fd6', pattern: 'hatch' },
  'spend-based': { name: 'spend-based-method', colour: '#b2182b', pattern: 'cross' },
};

/** Year-on-year: totals, and changes that raise or lower emissions. */
export const CHANGE_FILLS = {
  total: { name: 'total', colour: '#0f4c81', pattern: 'solid' },
  increase: { name: 'increase', colour: '#b2182b', pattern: 'hatch' },
  decrease: { name: 'decrease', colour: '#1b7837', pattern: 'dots' },
} as const satisfies Record<string, Fill>;

/** Benchmarks: the cohort's middle half (lower to upper quartile); the council itself is a black diamond. */
export const COHORT_FILL: Fill = { name: 'cohort', colour: '#7aa6cf', pattern: 'hatch' };

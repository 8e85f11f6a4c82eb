import { Decimal } from '../decimal.js';
import { compareDecimals } from './decimal-order.js';

/**
 * The fixed band grid of the published histograms: 1, 2, 5, 10, 20, 50, … (a 1–2–5 grid per decade, the same for
 * every cohort, metric and release, never fitted to the data). Grid edge i is {1, 2, 5}[i mod 3] × 10^floor(i / 3);
 * grid band i holds the values from edge i up to (not including) edge i + 1, so each band is a factor 2 or 2.5 wide.
 */
export function gridEdge(i: number): Decimal {
  let edge = EDGES.get(i);
  if (edge === undefined) {
    const decade = Math.floor(i / 3);
    EDGES.set(i, (edge = new Decimal(`${MANTISSAS[i - 3 * decade]}e${decade}`)));
  }
  return edge;
}
const MANTISSAS = [1, 2, 5] as const;

/** gridEdge(i) as a binary approximation, kept: the placement checks screen on approximations. */
export function gridEdgeApproximation(i: number): number {
  let edge = EDGE_APPROXIMATIONS.get(i);
  if (edge === undefined) EDGE_APPROXIMATIONS.set(i, (edge = gridEdge(i).toNumber()));
  return edge;
}
const EDGE_APPROXIMATIONS = new Map<number, number>();
const EDGES = new Map<number, Decimal>();

/** The grid band of zero (figures are never negative): below every other band, so it always joins the lowest one. */
export const ZERO_BAND = Number.MIN_SAFE_INTEGER;

/** The grid band a value lies in (see gridEdge); ZERO_BAND for zero. */
export function gridBand(value: Decimal): number {
  if (value.isZero()) return ZERO_BAND;
  // decimal.js's `e` is the exponent of the leading digit: 10^e <= value < 10^(e + 1).
  const decade = value.e;
  const i = 3 * decade;
  return compareDecimals(value, gridEdge(i + 1)) < 0 ? i : compareDecimals(value, gridEdge(i + 2)) < 0 ? i + 1 : i + 2;
}

/**
 * A histogram of a cohort as bands of its members in ascending order: band b holds members [starts[b], starts[b + 1])
 * (the last up to the end), and cuts[b − 1] is the grid edge between band b − 1 and band b. The lowest band is open
 * below ("under …", from zero) and the highest open above ("… and over"), so neither tells the smallest or largest figure.
 */
export interface Bands {
  readonly starts: readonly number[];
  readonly cuts: readonly number[];
}

/**
 * Adjacent grid bands merged, lowest first, until each holds at least `minimum` members (a grid band is never
 * split); what is left at the top, if fewer, joins the band below it. A cut falls on the lower edge of the first grid
 * band above it, so every band is a union of whole grid bands: never narrower than the grid band of any of its members.
 * `grid` is each member's grid band, ascending. Undefined when fewer than two bands would result.
 */
export function mergeToMinimum(grid: readonly number[], minimum: number): Bands | undefined {
  const starts: number[] = [];
  for (let i = 0; i < grid.length; ) {
    let j = i;
    while (j < grid.length && (j - i < minimum || grid[j] === grid[j - 1])) j++;
    if (j - i < minimum) break;
    starts.push(i);
    i = j;
  }
  return bandsFrom(starts, grid);
}

/** The bands with band `b` and the one above it (or, for the highest, the one below) made one. */
export function mergeWithNeighbour(bands: Bands, b: number, grid: readonly number[]): Bands | undefined {
  const drop = b + 1 < bands.starts.length ? b + 1 : b;
  return bandsFrom(
    bands.starts.filter((_, i) => i !== drop),
    grid,
  );
}

function bandsFrom(starts: readonly number[], grid: readonly number[]): Bands | undefined {
  if (starts.length < 2) return undefined;
  return { starts, cuts: starts.slice(1).map((s) => grid[s]!) };
}

/** How many members band `b` holds, of `n`. */
export function bandSize(bands: Bands, b: number, n: number): number {
  return (bands.starts[b + 1] ?? n) - bands.starts[b]!;
}

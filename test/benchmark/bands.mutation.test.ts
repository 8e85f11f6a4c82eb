import { describe, expect, it } from 'vitest';
import { bandSize, gridBand, gridEdge, gridEdgeApproximation, mergeToMinimum, mergeWithNeighbour, ZERO_BAND } from '../../src/benchmark/bands.js';
import { Decimal } from '../../src/decimal.js';

/**
 * The histograms' fixed 1–2–5 band grid and the merging of its bands (src/benchmark/bands.ts; issue 17, mutation
 * testing). Grid edge i is {1, 2, 5}[i mod 3] × 10^floor(i / 3); every expected value below is worked from that rule.
 */

describe('the grid', () => {
  it('has edges 1, 2, 5 in every decade, below 1 as above it', () => {
    const edges = [-4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 9].map((i) => gridEdge(i).toString());
    expect(edges).toEqual(['0.05', '0.1', '0.2', '0.5', '1', '2', '5', '10', '20', '50', '100', '1000']);
    // The same edge each time it is asked for, and its binary approximation.
    expect(gridEdge(4)).toBe(gridEdge(4));
    expect([gridEdgeApproximation(-1), gridEdgeApproximation(4), gridEdgeApproximation(4)]).toEqual([0.5, 20, 20]);
  });

  it('puts a value in the band from its edge up to, not including, the next', () => {
    const band = (v: string) => gridBand(new Decimal(v));
    // 1 ≤ v < 2 is band 0, 2 ≤ v < 5 band 1, 5 ≤ v < 10 band 2, 10 band 3 …
    expect(['1', '1.99', '2', '4.99', '5', '9.99', '10', '19.99', '20', '50', '99.9'].map(band)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5]);
    // Below 1: 0.5 ≤ v < 1 is band −1, 0.2 ≤ v < 0.5 band −2, 0.1 ≤ v < 0.2 band −3.
    expect(['0.99', '0.5', '0.49', '0.2', '0.19', '0.1'].map(band)).toEqual([-1, -1, -2, -2, -3, -3]);
    expect(band('0')).toBe(ZERO_BAND);
    expect(ZERO_BAND).toBeLessThan(band('0.0000001'));
  });
});

describe('merging grid bands', () => {
  it('joins adjacent grid bands, lowest first, until each holds the minimum, never splitting one', () => {
    // Members' grid bands 0 0 | 1 2 2 2 | 3 5 with a minimum of 2: the first band takes 0 0 (2 members); the next
    // 1 2, then the rest of grid band 2 (never split); the last 3 5.
    expect(mergeToMinimum([0, 0, 1, 2, 2, 2, 3, 5], 2)).toEqual({ starts: [0, 2, 6], cuts: [1, 3] });
    // 0 1 | 2 3 | 4: the one left at the top joins the band below it.
    const bands = mergeToMinimum([0, 1, 2, 3, 4], 2)!;
    expect(bands).toEqual({ starts: [0, 2], cuts: [2] });
    expect([bandSize(bands, 0, 5), bandSize(bands, 1, 5)]).toEqual([2, 3]);
    // Exactly the minimum in each.
    expect(mergeToMinimum([0, 1, 2, 3], 2)).toEqual({ starts: [0, 2], cuts: [2] });
  });

  it('gives nothing when fewer than two bands would result', () => {
    expect(mergeToMinimum([0, 0, 0], 2)).toBeUndefined();
    expect(mergeToMinimum([0, 1, 2], 2)).toBeUndefined(); // 0 1 | 2: the 2 joins the band below
    expect(mergeToMinimum([0], 1)).toBeUndefined();
    expect(mergeToMinimum([], 1)).toBeUndefined();
  });

  it('merges a band with the one above it, or the highest with the one below', () => {
    const grid = [0, 0, 1, 2, 2, 2, 3, 5];
    const bands = { starts: [0, 2, 6], cuts: [1, 3] };
    expect(mergeWithNeighbour(bands, 0, grid)).toEqual({ starts: [0, 6], cuts: [3] });
    expect(mergeWithNeighbour(bands, 1, grid)).toEqual({ starts: [0, 2], cuts: [1] });
    expect(mergeWithNeighbour(bands, 2, grid)).toEqual({ starts: [0, 2], cuts: [1] });
    expect(mergeWithNeighbour({ starts: [0, 2], cuts: [1] }, 0, grid)).toBeUndefined();
  });
});

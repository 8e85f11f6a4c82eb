import { Decimal } from '../decimal.js';

const TWO_TO_32 = new Decimal(2).pow(32);
const HALF = new Decimal('0.5');

/**
 * A uniform draw in (0, 1) determined by the seed and a key naming the figure (cohort, metric, statistic),
 * so each figure's noise is reproducible and independent of the order figures are computed in.
 * FNV-1a hashes the key; a mulberry32 step mixes it with the seed.
 */
function keyedUniform(seed: number, key: string): Decimal {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let t = (h ^ Math.imul(seed, 0x9e3779b9)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const r = (t ^ (t >>> 14)) >>> 0;
  return new Decimal(r).plus(HALF).div(TWO_TO_32);
}

/** Laplace(0, scale) noise by inverse transform: −scale · sign(u) · ln(1 − 2|u|), u uniform in (−½, ½). */
export function laplaceNoise(seed: number, key: string, scale: Decimal): Decimal {
  const u = keyedUniform(seed, key).minus(HALF);
  const magnitude = scale.times(new Decimal(1).minus(u.abs().times(2)).ln()).neg();
  return u.isNegative() ? magnitude.neg() : magnitude;
}

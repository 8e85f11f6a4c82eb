import { randomBytes } from 'node:crypto';
import { Decimal } from '../decimal.js';

const TWO_TO_32 = new Decimal(2).pow(32);
const TWO_TO_56 = new Decimal(2).pow(56);
const HALF = new Decimal('0.5');

/**
 * Laplace noise for the figures of one benchmark run, one draw per figure key (cohort, metric, statistic): a
 * figure asked for twice in a run gets the same draw, so copies of one figure cannot be averaged.
 */
export interface NoiseSource {
  /** 'random': drawn from the operating system's cryptographic generator, so no one can recompute it. */
  readonly kind: 'random' | 'seeded';
  laplace(key: string, scale: Decimal): Decimal;
}

/**
 * Without a seed, fresh cryptographic randomness each run: the only private choice. With a seed, the noise is a
 * function of the seed and the key, reproducible for tests and audits but removable by anyone who knows or
 * guesses the seed, and identical between two runs that differ by one council (so it would cancel).
 */
export function noiseSource(seed: number | undefined): NoiseSource {
  const draws = new Map<string, Decimal>();
  const uniform = seed === undefined ? () => secureUniform() : (key: string) => keyedUniform(seed, key);
  return {
    kind: seed === undefined ? 'random' : 'seeded',
    laplace(key, scale) {
      let u = draws.get(key);
      if (u === undefined) draws.set(key, (u = uniform(key)));
      return laplaceFromUniform(u, scale);
    },
  };
}

/** A uniform draw in (0, 1) from 56 cryptographically random bits, never 0 or 1. */
function secureUniform(): Decimal {
  const bits = BigInt(`0x${randomBytes(7).toString('hex')}`);
  return new Decimal(bits.toString()).plus(HALF).div(TWO_TO_56);
}

/**
 * A uniform draw in (0, 1) determined by the seed and the key, independent of the order figures are computed
 * in: FNV-1a hashes the key; a mulberry32 step mixes it with the seed.
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

/** Laplace(0, scale) by inverse transform: −scale · sign(u) · ln(1 − 2|u|), u uniform in (−½, ½). */
function laplaceFromUniform(uniform: Decimal, scale: Decimal): Decimal {
  const u = uniform.minus(HALF);
  const magnitude = scale.times(new Decimal(1).minus(u.abs().times(2)).ln()).neg();
  return u.isNegative() ? magnitude.neg() : magnitude;
}

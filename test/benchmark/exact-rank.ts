/**
 * Exact linear algebra over the rationals for the tests' oracles: Gaussian elimination on BigInt rows, each row
 * divided by the greatest common divisor of its entries so the numbers stay small (fraction-free, no rounding).
 */

/** The rows in reduced echelon form (each pivot cleared from every other row) and each row's pivot column. */
function echelon(input: readonly (readonly (number | bigint)[])[]): { rows: bigint[][]; pivots: number[] } {
  const rows = input.map((row) => row.map((x) => BigInt(x)));
  const pivots: number[] = [];
  const width = rows[0]?.length ?? 0;
  for (let col = 0; col < width && pivots.length < rows.length; col++) {
    const r = pivots.length;
    const p = rows.findIndex((row, i) => i >= r && row[col] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![col] === 0n) continue;
      const f = rows[i]![col]!;
      const g = rows[r]![col]!;
      rows[i] = reduced(rows[i]!.map((x, c) => x * g - rows[r]![c]! * f));
    }
    pivots.push(col);
  }
  return { rows, pivots };
}

function reduced(row: bigint[]): bigint[] {
  let g = 0n;
  for (const x of row) {
    let a = x < 0n ? -x : x;
    let b = g;
    while (b !== 0n) [a, b] = [b, a % b];
    g = a;
  }
  return g > 1n ? row.map((x) => x / g) : row;
}

/** The rank of the rows over the rationals. */
export function rank(rows: readonly (readonly (number | bigint)[])[]): number {
  return echelon(rows).pivots.length;
}

/** The 0/1 rows of sets of positions 0..size−1. */
export function incidence(sets: readonly (readonly number[])[], size: number): number[][] {
  return sets.map((set) => Array.from({ length: size }, (_, pos) => (set.includes(pos) ? 1 : 0)));
}

/**
 * A whole-number vector that every row sends to zero and whose entry `j` is positive, if there is one (a change of
 * the values that leaves every row's sum put and moves value j); undefined where every such vector leaves j at zero.
 */
export function nullVectorMoving(input: readonly (readonly (number | bigint)[])[], size: number, j: number): bigint[] | undefined {
  const { rows, pivots } = echelon(input);
  const pivotColumns = new Set(pivots);
  // Each free column gives a null vector: a multiple of every pivot there, and what each pivot row then needs.
  for (let free = 0; free < size; free++) {
    if (pivotColumns.has(free)) continue;
    const scale = pivots.reduce((a, col, i) => a * (rows[i]![col]! < 0n ? -rows[i]![col]! : rows[i]![col]!), 1n);
    const v = new Array<bigint>(size).fill(0n);
    v[free] = scale;
    pivots.forEach((col, i) => {
      v[col] = (-rows[i]![free]! * scale) / rows[i]![col]!;
    });
    if (v[j] !== 0n) return v[j]! > 0n ? v : v.map((x) => -x);
  }
  return undefined;
}

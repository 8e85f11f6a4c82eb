/**
 * Whether published sums let anyone work out a combination of fewer than k councils' figures: the exact test that
 * SumAtoms' atom rule is a quick, stricter stand-in for. Adding and subtracting published sums, with any
 * multipliers, gives exactly the vectors of their linear span over the councils; one of them resting on at least one
 * and fewer than k councils (x_a − x_b, the sum of a small overlap of two windows) is what the threshold rule forbids.
 * Every other vector rests on k or more, so a council that also knows its own figure still faces at least k − 1
 * others' in every combination, as it does in one published sum of k.
 *
 * The span's vectors are constant on atoms (councils in exactly the same published sets), so only a vector that is
 * zero on every atom of k or more councils can offend. The test works out the subspace of such vectors exactly
 * (whole-number row operations) and then searches it for one on small atoms holding fewer than k councils in all.
 * Where the numbers or the search would grow too large it answers yes (withhold): it never guesses a sum safe.
 */

/** Past this, a whole number in the elimination is no longer exact in a binary float. */
const EXACT_LIMIT = 2 ** 50;
/** How far the search goes before answering yes (withhold). */
export interface SearchLimits {
  /**
   * The most independent combinations on small atoms searched. The search grows with their number, and windows
   * chained through many small overlaps (the large base groups of a national run) would cost more time than the few
   * figures they free.
   */
  readonly dimensions: number;
  /** The most steps of the search. */
  readonly steps: number;
  /**
   * The most linked sets taken: the elimination grows with their square times the atoms, and submissions built so
   * that every window of a metric links up could otherwise make a run crawl.
   */
  readonly sets: number;
}
const SEARCH_LIMITS: SearchLimits = { dimensions: 5, steps: 500, sets: 40 };

/** Buffers over the positions 0..size−1, allocated once and reused by every test (thousands a run): each zero between tests. */
export class SpanScratch {
  /** Per position: sets holding it (the quick case), or its number among the positions the sets hold (atoms). */
  readonly counts: Int32Array;
  readonly atom: Int32Array;
  readonly inside: Int32Array;
  readonly becomes: Int32Array;
  constructor(size: number) {
    this.counts = new Int32Array(size);
    this.atom = new Int32Array(size);
    this.inside = new Int32Array(size + 1);
    this.becomes = new Int32Array(size + 1);
  }
}

/**
 * Whether some combination of the sums over `sets` (each a list of distinct positions) rests on at least one and
 * fewer than `k` councils. The caller passes the sets linked through shared councils to the one it adds, knowing the
 * others pass: sets of other linked groups share no council with these and cannot cancel any of their councils.
 */
export function spanSinglesOut(sets: readonly (readonly number[])[], k: number, scratch: SpanScratch, limits: SearchLimits = SEARCH_LIMITS): boolean {
  if (sets.some((set) => set.length < k)) return true;
  if (ownCouncilsSuffice(sets, k, scratch.counts)) return false;
  if (sets.length > limits.sets) return true;
  const { sizes, rowsOf } = atomsOf(sets, scratch);
  const small = sizes.flatMap((s, a) => (s < k ? [a] : []));
  const large = sizes.flatMap((s, a) => (s >= k ? [a] : []));
  // The rows over atoms, large atoms' columns first: eliminating those leaves rows spanning the vectors zero on them.
  const columns = [...large, ...small];
  const matrix = sets.map(() => new Array<number>(columns.length).fill(0));
  columns.forEach((a, col) => {
    for (const r of rowsOf[a]!) matrix[r]![col] = 1;
  });
  const onLarge = eliminate(matrix, large.length);
  if (onLarge === undefined) return true;
  const basis = eliminate(
    onLarge.rest.map((row) => row.slice(large.length)),
    small.length,
  );
  if (basis === undefined) return true;
  if (basis.pivots.length === 0) return false;
  if (basis.pivots.length > limits.dimensions) return true;
  return (
    smallVector(
      basis.pivots,
      small.map((a) => sizes[a]!),
      k,
      limits.steps,
    ) !== false
  );
}

/**
 * The quick sufficient case. A combination using one set alone rests on that set's councils (k or more); one using
 * two or more rests at least on each one's own councils (those in no other set, where nothing else can cancel it).
 * So if the two sets with the fewest councils of their own have k between them, nothing offends. `scratch` (zero
 * at every position, and left so) counts the sets at each position.
 */
function ownCouncilsSuffice(sets: readonly (readonly number[])[], k: number, scratch: Int32Array): boolean {
  if (sets.length < 2) return true;
  for (const set of sets) for (const pos of set) scratch[pos]!++;
  let fewest = Number.POSITIVE_INFINITY;
  let next = Number.POSITIVE_INFINITY;
  for (const set of sets) {
    let own = 0;
    for (const pos of set) if (scratch[pos] === 1) own++;
    if (own < fewest) [fewest, next] = [own, fewest];
    else if (own < next) next = own;
  }
  for (const set of sets) for (const pos of set) scratch[pos] = 0;
  return fewest + next >= k;
}

/**
 * The atoms of some sets: per atom, how many positions it holds and which sets (by index) hold it. Each set splits
 * the atoms it touches into the part inside it and the part outside (as SumAtoms does), in arrays over the positions
 * the sets hold, numbered in `scratch.counts` while the atoms are worked out.
 */
function atomsOf(sets: readonly (readonly number[])[], scratch: SpanScratch): { sizes: number[]; rowsOf: number[][] } {
  const { counts: numberOf, atom, inside, becomes } = scratch;
  const positions: number[] = [];
  for (const set of sets) for (const pos of set) if (numberOf[pos] === 0) numberOf[pos] = positions.push(pos);
  // Atom 0 holds the positions before any set splits them: every position is in some set, so it ends empty.
  const sizes = [positions.length];
  const rowsOf: number[][] = [[]];
  sets.forEach((set, r) => {
    const touched: number[] = [];
    for (const pos of set) if (inside[atom[numberOf[pos]! - 1]!]!++ === 0) touched.push(atom[numberOf[pos]! - 1]!);
    for (const a of touched) {
      if (inside[a] === sizes[a]) {
        becomes[a] = a;
        rowsOf[a]!.push(r);
      } else {
        becomes[a] = sizes.length;
        sizes.push(inside[a]!);
        sizes[a]! -= inside[a]!;
        rowsOf.push([...rowsOf[a]!, r]);
      }
      inside[a] = 0;
    }
    for (const pos of set) atom[numberOf[pos]! - 1] = becomes[atom[numberOf[pos]! - 1]!]!;
  });
  for (let i = 0; i < positions.length; i++) {
    numberOf[positions[i]!] = 0;
    atom[i] = 0;
  }
  const kept = sizes.flatMap((size, a) => (size > 0 ? [a] : []));
  return { sizes: kept.map((a) => sizes[a]!), rowsOf: kept.map((a) => rowsOf[a]!) };
}

/**
 * Gaussian elimination in whole numbers on the first `columns` columns: each pivot row clears its column from the
 * rows after it, and every row changed is divided by the greatest common divisor of its entries, so entries stay
 * small. Returns the pivot rows (a basis of the rows' span, on those columns) and the rest (zero on those columns);
 * undefined where an entry would outgrow exact binary arithmetic.
 */
function eliminate(input: readonly (readonly number[])[], columns: number): { pivots: number[][]; rest: number[][] } | undefined {
  let rows = input.map((row) => [...row]);
  const pivots: number[][] = [];
  for (let col = 0; col < columns && rows.length > 0; col++) {
    const p = rows.findIndex((row) => row[col] !== 0);
    if (p < 0) continue;
    const pivot = rows[p]!;
    rows = rows.filter((_, i) => i !== p);
    for (const row of rows) if (row[col] !== 0 && !clear(row, pivot, col)) return undefined;
    pivots.push(pivot);
  }
  return { pivots, rest: rows };
}

/** row ← row × pivot[col] − pivot × row[col], then reduced: zero at `col`. False where a number would not be exact. */
function clear(row: number[], pivot: readonly number[], col: number): boolean {
  const factor = row[col]!;
  const scale = pivot[col]!;
  let g = 0;
  for (let j = 0; j < row.length; j++) {
    const value = row[j]! * scale - pivot[j]! * factor;
    if (!(Math.abs(value) <= EXACT_LIMIT)) return false;
    row[j] = value;
    g = gcd(g, Math.abs(value));
  }
  if (g > 1) for (let j = 0; j < row.length; j++) row[j] = row[j]! / g;
  return true;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Whether the span of `basis` (d independent rows over some atoms) holds a non-zero vector on atoms of fewer than
 * `k` councils in all (`weights`: each atom's councils); undefined where the search ran past its limit.
 *
 * Such a vector is zero on every atom outside a small set U; so the atoms' columns (vectors in d dimensions) outside U
 * span less than all d dimensions, and U is the atoms off some hyperplane. The search builds that hyperplane column by
 * column: a column in the span of those taken is on it; any other is taken into the span (while it has fewer than
 * d − 1 dimensions) or left off, while the councils left off stay under k.
 */
function smallVector(basis: readonly (readonly number[])[], weights: readonly number[], k: number, limit: number): boolean | undefined {
  const d = basis.length;
  const columns = weights.map((_, j) => basis.map((row) => row[j]!)).filter((col) => col.some((x) => x !== 0));
  const weightOf = weights.filter((_, j) => basis.some((row) => row[j] !== 0));
  const taken: number[][] = [];
  let steps = 0;
  const search = (j: number, off: number): boolean | undefined => {
    if (++steps > limit) return undefined;
    for (; j < columns.length; j++) {
      const rest = reduced(columns[j]!, taken);
      if (rest === undefined) return undefined;
      if (rest.every((x) => x === 0)) continue;
      // Off the hyperplane so far: try it on (if the span has room), and off (if the councils allow).
      if (taken.length < d - 1) {
        taken.push(rest);
        const found = search(j + 1, off);
        taken.pop();
        if (found !== false) return found;
      }
      off += weightOf[j]!;
      if (off >= k) return false;
    }
    return true;
  };
  return search(0, 0);
}

/** A column reduced by the columns taken (each with a leading non-zero entry the next ones are zero at); undefined if not exact. */
function reduced(column: readonly number[], taken: readonly (readonly number[])[]): number[] | undefined {
  const rest = [...column];
  for (const t of taken) {
    const col = t.findIndex((x) => x !== 0);
    if (rest[col] !== 0 && !clear(rest, t, col)) return undefined;
  }
  return rest;
}

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
  /** Per position: sets holding it (the quick case), or not zero once counted (atoms). */
  readonly counts: Int32Array;
  /** Per position, its atom; per atom, its councils, its councils inside the set being added, and what it becomes. */
  readonly atom: Int32Array;
  readonly sizes: Int32Array;
  readonly inside: Int32Array;
  readonly becomes: Int32Array;
  /** The atoms the set being added touches. */
  readonly touched: Int32Array;
  /** Per atom, per set: 1 where the set holds the atom (grown when a test needs more; see Atoms). */
  holds = new Uint8Array(0);
  constructor(size: number) {
    this.counts = new Int32Array(size);
    this.atom = new Int32Array(size);
    this.sizes = new Int32Array(size + 1);
    this.inside = new Int32Array(size + 1);
    this.becomes = new Int32Array(size + 1);
    this.touched = new Int32Array(size + 1);
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
  const atoms = atomsOf(sets, scratch);
  const basis = smallBasis(atoms, sets.length, k, limits.dimensions);
  if (basis === undefined) return true;
  if (basis.dimensions === 0) return false;
  return smallVector(basis, k, limits.steps) !== false;
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

/** The atoms of some sets (councils in exactly the same sets): how many there are, each one's councils, and which sets hold it. */
interface Atoms {
  readonly count: number;
  readonly sizes: Int32Array;
  /** Per atom a, per set r (of m), at a·m + r: 1 where set r holds the atom. */
  readonly holds: Uint8Array;
}

/**
 * Each set splits the atoms it touches into the part inside it and the part outside (as SumAtoms does), in the
 * scratch buffers (left zero but for `sizes` and `holds`, which the answer is read from). Atom 0 holds the positions
 * before any set splits them.
 */
function atomsOf(sets: readonly (readonly number[])[], scratch: SpanScratch): Atoms {
  const { counts: counted, atom, sizes, inside, becomes, touched } = scratch;
  const m = sets.length;
  let positions = 0;
  for (const set of sets) for (const pos of set) if (counted[pos] === 0) counted[pos] = ++positions;
  const used = (positions + 1) * m;
  if (scratch.holds.length < used) scratch.holds = new Uint8Array(2 * used);
  else scratch.holds.fill(0, 0, used);
  const holds = scratch.holds;
  sizes[0] = positions;
  let count = 1;
  for (let r = 0; r < m; r++) {
    const set = sets[r]!;
    let t = 0;
    for (const pos of set) if (inside[atom[pos]!]!++ === 0) touched[t++] = atom[pos]!;
    for (let i = 0; i < t; i++) {
      const a = touched[i]!;
      if (inside[a] === sizes[a]) {
        becomes[a] = a;
      } else {
        const split = count++;
        becomes[a] = split;
        sizes[split] = inside[a]!;
        sizes[a]! -= inside[a]!;
        for (let row = 0; row < m; row++) holds[split * m + row] = holds[a * m + row]!;
      }
      holds[becomes[a]! * m + r] = 1;
      inside[a] = 0;
    }
    for (const pos of set) atom[pos] = becomes[atom[pos]!]!;
  }
  for (const set of sets) for (const pos of set) atom[pos] = counted[pos] = 0;
  return { count, sizes, holds };
}

/** The span's vectors that are zero on every atom of k or more, as columns over the small atoms (see smallVector). */
interface SmallBasis {
  readonly dimensions: number;
  /** Per small atom a basis vector is not zero on, its entries in the d basis vectors (d at a time), and its councils. */
  readonly columns: Float64Array;
  readonly weights: readonly number[];
}

/**
 * The sets' rows over the atoms, large atoms' columns first, in whole-number Gaussian elimination (elimination on
 * the large columns leaves rows spanning the vectors zero on them; those rows' pivots are a basis). Each pivot row
 * clears its column from the rows after it, and every row changed is divided by the greatest common divisor of its
 * entries, so entries stay small. Undefined where an entry would outgrow exact binary arithmetic or the basis has
 * more than `most` vectors (the search would grow too large): withhold.
 */
function smallBasis(atoms: Atoms, m: number, k: number, most: number): SmallBasis | undefined {
  const order: number[] = [];
  for (let a = 0; a < atoms.count; a++) if (atoms.sizes[a]! >= k) order.push(a);
  const large = order.length;
  if (setsWithOwnAtom(atoms, m) - Math.min(large, m) > most) return undefined;
  for (let a = 0; a < atoms.count; a++) if (atoms.sizes[a]! > 0 && atoms.sizes[a]! < k) order.push(a);
  const width = order.length;
  const matrix = new Float64Array(m * width);
  for (let col = 0; col < width; col++) for (let r = 0; r < m; r++) matrix[r * width + col] = atoms.holds[order[col]! * m + r]!;
  // The rows not yet taken as pivots, in order.
  const rows = Array.from({ length: m }, (_, r) => r);
  const pivots: number[] = [];
  for (let col = 0; col < width && rows.length > 0; col++) {
    const p = rows.findIndex((r) => matrix[r * width + col] !== 0);
    if (p < 0) continue;
    const pivot = rows[p]!;
    rows.splice(p, 1);
    for (const r of rows) if (matrix[r * width + col] !== 0 && !clear(matrix, r * width, matrix, pivot * width, col, col, width)) return undefined;
    if (col >= large) {
      pivots.push(pivot);
      if (pivots.length > most) return undefined;
    }
  }
  const d = pivots.length;
  const columns = new Float64Array(d * (width - large));
  const weights: number[] = [];
  let kept = 0;
  for (let col = large; col < width; col++) {
    let nonZero = false;
    for (let i = 0; i < d; i++) {
      const entry = matrix[pivots[i]! * width + col]!;
      columns[kept * d + i] = entry;
      if (entry !== 0) nonZero = true;
    }
    if (!nonZero) continue;
    weights.push(atoms.sizes[order[col]!]!);
    kept++;
  }
  return { dimensions: d, columns: columns.subarray(0, kept * d), weights };
}

/**
 * How many sets hold an atom no other set holds. The basis has at least this many vectors less the large atoms: its
 * dimension is the sets' rank less their rank on the large atoms' columns, the first at least this (each such set
 * is alone in its own atom's column) and the second at most the large atoms. Most tests that end at the dimension
 * limit are settled by this count, without the elimination.
 */
function setsWithOwnAtom({ count, sizes, holds }: Atoms, m: number): number {
  const owning = new Uint8Array(m);
  let sets = 0;
  for (let a = 0; a < count; a++) {
    if (sizes[a] === 0) continue;
    let holder = -1;
    for (let r = 0; r < m && holder !== -2; r++) if (holds[a * m + r] === 1) holder = holder === -1 ? r : -2;
    if (holder >= 0 && owning[holder] === 0) {
      owning[holder] = 1;
      sets++;
    }
  }
  return sets;
}

/**
 * row ← row × pivot[col] − pivot × row[col] on entries from..width−1 (those before `from` are zero in both, or left
 * out), then reduced: zero at `col`. A row is `width` entries of `values` from `at`, the pivot of `pivots` from
 * `pivotAt`. False where a number would not be exact.
 */
function clear(values: Float64Array, at: number, pivots: Float64Array, pivotAt: number, col: number, from: number, width: number): boolean {
  const factor = values[at + col]!;
  const scale = pivots[pivotAt + col]!;
  let g = 0;
  for (let j = from; j < width; j++) {
    const value = values[at + j]! * scale - pivots[pivotAt + j]! * factor;
    if (!(Math.abs(value) <= EXACT_LIMIT)) return false;
    values[at + j] = value;
    g = gcd(g, Math.abs(value));
  }
  if (g > 1) for (let j = from; j < width; j++) values[at + j] = values[at + j]! / g;
  return true;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Whether the span of the basis (d independent vectors over some atoms) holds a non-zero vector on atoms of fewer
 * than `k` councils in all; undefined where the search ran past its limit.
 *
 * Such a vector is zero on every atom outside a small set U; so the atoms' columns (vectors in d dimensions) outside U
 * span less than all d dimensions, and U is the atoms off some hyperplane. The search builds that hyperplane column by
 * column: a column in the span of those taken is on it; any other is taken into the span (while it has fewer than
 * d − 1 dimensions) or left off, while the councils left off stay under k.
 */
function smallVector({ dimensions: d, columns, weights }: SmallBasis, k: number, limit: number): boolean | undefined {
  const n = weights.length;
  // Per depth t, every column reduced by the first t columns taken (d entries from j·d), each worked out when first
  // needed and kept while those t stay taken: the same steps as reducing it afresh at every visit, done once.
  const levels = Array.from({ length: d }, (_, t) => (t === 0 ? columns : new Float64Array(n * d)));
  const ready = Array.from({ length: d }, (_, t) => new Uint8Array(n).fill(t === 0 ? 1 : 0));
  /** The columns taken: at depth t, column taken[t] of levels[t], its leading non-zero entry at leads[t]. */
  const taken: number[] = [];
  const leads: number[] = [];
  /** Whether column j reduced at depth t is ready (false where a number would not be exact). */
  const reduce = (t: number, j: number): boolean => {
    if (ready[t]![j] === 1) return true;
    if (!reduce(t - 1, j)) return false;
    const level = levels[t]!;
    const before = levels[t - 1]!;
    for (let i = 0; i < d; i++) level[j * d + i] = before[j * d + i]!;
    const lead = leads[t - 1]!;
    if (level[j * d + lead] !== 0 && !clear(level, j * d, before, taken[t - 1]! * d, lead, 0, d)) return false;
    ready[t]![j] = 1;
    return true;
  };
  let steps = 0;
  const search = (j: number, off: number): boolean | undefined => {
    if (++steps > limit) return undefined;
    const t = taken.length;
    for (; j < n; j++) {
      if (!reduce(t, j)) return undefined;
      let lead = 0;
      while (lead < d && levels[t]![j * d + lead] === 0) lead++;
      if (lead === d) continue;
      // Off the hyperplane so far: try it on (if the span has room), and off (if the councils allow).
      if (t < d - 1) {
        taken.push(j);
        leads.push(lead);
        ready[t + 1]!.fill(0);
        const found = search(j + 1, off);
        taken.pop();
        leads.pop();
        if (found !== false) return found;
      }
      off += weights[j]!;
      if (off >= k) return false;
    }
    return true;
  };
  return search(0, 0);
}

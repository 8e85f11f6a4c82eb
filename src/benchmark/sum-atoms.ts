import { spanSinglesOut, SpanScratch } from './sum-span.js';

/**
 * The groups of councils ("atoms") that the published sums of one metric tell apart: councils in exactly the
 * same published sets. Any set of councils whose sum can be worked out by adding and subtracting published sums
 * is a union of atoms lying inside some published set, so if every such atom holds at least k councils, nothing
 * derivable rests on fewer than k. Atoms outside every published set appear in no sum and are not checked.
 *
 * Councils are positions 0..size−1. A new set splits only the atoms it touches (each into the part inside it and
 * the part outside), so a set is checked and added in time proportional to its own size, in buffers allocated once.
 *
 * The atom rule is stricter than it need be: two quartile windows sharing one council make an atom of one, though
 * neither that council's figure nor any other combination of fewer than k can be worked out from the two sums.
 * With `exact`, a set the atom rule refuses, or one made of whole atoms and linked through shared councils to an atom
 * of fewer than k, is decided by the exact test on the span of the sums (sum-span.ts) instead. That is only for sums of figures that can
 * take any value: counts of councils in bands are 0 or 1 per council, and a combination of several can pin them.
 */
export class SumAtoms {
  /** Per position, its atom. */
  private readonly atom: Int32Array;
  /** Per atom, how many positions it holds and whether it lies inside some published set. */
  private readonly size: Int32Array;
  private readonly covered: Uint8Array;
  private atoms = 1;
  /** Scratch, per atom: positions of the set being added inside it, and the atom its inside part becomes. */
  private readonly inside: Int32Array;
  private readonly becomes: Int32Array;
  /** Scratch: the atoms the set touches. */
  private readonly touched: Int32Array;
  /**
   * With `exact`: the sets published, positions linked through them (a union-find forest: each position's parent),
   * and per linked group (at its root) 1 where it holds a covered atom of fewer than the minimum and the indices of its
   * sets; for the quick case, per position the published sets holding it and, where one does, which, and per set its
   * positions no other set holds (`lost`, per set, is scratch); the exact test's buffers.
   */
  private readonly exact:
    | {
        readonly sets: number[][];
        readonly parent: Int32Array;
        readonly small: Uint8Array;
        readonly scratch: SpanScratch;
        readonly setsOf: (number[] | undefined)[];
        readonly cover: Int32Array;
        readonly sole: Int32Array;
        readonly own: number[];
        readonly lost: number[];
      }
    | undefined;
  /** The exact test's answer for the set `accepts` last looked at, while nothing has been added since. */
  private lastExact: { readonly set: ArrayLike<number>; readonly from: number; readonly to: number; readonly ok: boolean } | undefined;

  constructor(
    size: number,
    private readonly minimum: number,
    exact = false,
  ) {
    // At most one atom per position, plus the one every position starts in.
    const most = size + 1;
    this.atom = new Int32Array(size);
    this.size = new Int32Array(most);
    this.size[0] = size;
    this.covered = new Uint8Array(most);
    this.inside = new Int32Array(most);
    this.becomes = new Int32Array(most);
    this.touched = new Int32Array(most);
    if (exact) {
      const parent = new Int32Array(size);
      for (let i = 0; i < size; i++) parent[i] = i;
      // setsOf filled at full length: reading past the end of a shorter array threw V8 out of optimised code.
      this.exact = { sets: [], parent, small: new Uint8Array(size), scratch: new SpanScratch(size), setsOf: new Array<number[] | undefined>(size).fill(undefined), cover: new Int32Array(size), sole: new Int32Array(size), own: [], lost: [] };
    }
  }

  /**
   * Publishes the sum over positions `set[from..to)` (distinct) if nothing derivable would then rest on fewer than
   * the minimum (see the class), and says whether it did; else nothing changes.
   */
  tryAdd(set: ArrayLike<number>, from = 0, to = set.length): boolean {
    return this.split(set, from, to, 'try');
  }

  /** Whether `tryAdd` would publish the sum over positions `set[from..to)`, changing nothing. */
  accepts(set: ArrayLike<number>, from = 0, to = set.length): boolean {
    return this.split(set, from, to, 'check');
  }

  /**
   * Records a sum already published (an earlier release's), whatever atoms it leaves: later sets are then checked
   * against what it tells apart. Only without `exact`, whose test takes every set before as passing.
   */
  add(set: ArrayLike<number>): void {
    if (this.exact !== undefined) throw new Error('SumAtoms.add: a set forced in would void the exact test');
    this.split(set, 0, set.length, 'force');
  }

  /** A copy to try a group of sets on, all or none: `tryAdd` each on the copy, and keep it only if every one passed. */
  clone(): SumAtoms {
    const copy = new SumAtoms(this.atom.length, this.minimum, this.exact !== undefined);
    copy.atom.set(this.atom);
    copy.size.set(this.size);
    copy.covered.set(this.covered);
    copy.atoms = this.atoms;
    if (this.exact !== undefined) {
      copy.exact!.sets.push(...this.exact.sets);
      copy.exact!.parent.set(this.exact.parent);
      copy.exact!.small.set(this.exact.small);
      this.exact.setsOf.forEach((list, r) => (copy.exact!.setsOf[r] = list && [...list]));
      copy.exact!.cover.set(this.exact.cover);
      copy.exact!.sole.set(this.exact.sole);
      copy.exact!.own.push(...this.exact.own);
    }
    return copy;
  }

  private split(set: ArrayLike<number>, from: number, to: number, mode: 'try' | 'check' | 'force'): boolean {
    const force = mode === 'force';
    let touched = 0;
    for (let i = from; i < to; i++) {
      const a = this.atom[set[i]!]!;
      const seen = this.inside[a]!;
      this.inside[a] = seen + 1;
      if (seen === 0) this.touched[touched++] = a;
    }
    let ok = true;
    /** Whether the set is whole covered atoms and nothing else: the only sets the atom rule passes that can offend. */
    let wholeAtoms = true;
    for (let t = 0; t < touched && !force; t++) {
      const a = this.touched[t]!;
      const inside = this.inside[a]!;
      const outside = this.size[a]! - inside;
      // The part inside is now in a published set; the part outside is still covered if the atom was.
      if (inside < this.minimum || (this.covered[a] === 1 && outside > 0 && outside < this.minimum)) ok = false;
      if (this.covered[a] === 0 || outside > 0) wholeAtoms = false;
    }
    // Where the atom rule passes, the exact test can only refuse a set made of whole covered atoms (see below) linked
    // to a small atom. A combination S + w offending (w from the sums before, which pass) is zero on every atom of
    // k or more: on S's part of an atom it touches (k or more, the atom rule) w is −1, so w is −1 on all that atom (w is the same across an
    // atom before S); a part outside S, of k or more (the atom rule), would then be −1 too, and an atom in no sum
    // before has w zero. So S leaves nothing of any atom it touches outside it, and every one is covered.
    const exactly = this.exact !== undefined && !force && (!ok || (wholeAtoms && this.linkedToSmall(set, from, to)));
    if (exactly) ok = this.lastExact?.set === set && this.lastExact.from === from && this.lastExact.to === to ? this.lastExact.ok : this.quickCasePasses(set, from, to) || !spanSinglesOut(this.linkedSets(set, from, to), this.minimum, this.exact!.scratch);
    // `accepts` then `tryAdd` of the same window (figures.ts does both) run the exact test once.
    this.lastExact = exactly && mode === 'check' ? { set, from, to, ok } : undefined;
    for (let t = 0; t < touched; t++) {
      const a = this.touched[t]!;
      const inside = this.inside[a]!;
      this.inside[a] = 0;
      if (!ok || mode === 'check') continue;
      if (inside === this.size[a]) {
        this.becomes[a] = a;
      } else {
        const split = this.atoms++;
        this.size[split] = inside;
        this.size[a] = this.size[a]! - inside;
        this.becomes[a] = split;
      }
      this.covered[this.becomes[a]!] = 1;
    }
    if (!ok || mode === 'check') return ok;
    for (let i = from; i < to; i++) this.atom[set[i]!] = this.becomes[this.atom[set[i]!]!]!;
    if (this.exact !== undefined) this.link(members(set, from, to), exactly);
    return true;
  }

  /** Whether any position of `set[from..to)` is linked to a covered atom of fewer than the minimum. */
  private linkedToSmall(set: ArrayLike<number>, from: number, to: number): boolean {
    const { small } = this.exact!;
    for (let i = from; i < to; i++) if (small[this.root(set[i]!)] === 1) return true;
    return false;
  }

  /**
   * The exact test's quick case (sum-span.ts, ownCouncilsSuffice) on `set[from..to)` and the sets linked to it, from the
   * counts kept as sets are published, without gathering those sets: the two with the fewest councils of their own
   * (none of the others holds them) have the minimum between them. A linked set loses those of its own the new set
   * holds; the new set's own are those no published set holds. False leaves the answer to the full test.
   */
  private quickCasePasses(set: ArrayLike<number>, from: number, to: number): boolean {
    const { cover, sole, own, lost, setsOf } = this.exact!;
    if (to - from < this.minimum) return false;
    let mine = 0;
    const losing: number[] = [];
    for (let i = from; i < to; i++) {
      const pos = set[i]!;
      if (cover[pos] === 0) mine++;
      else if (cover[pos] === 1) {
        const t = sole[pos]!;
        if ((lost[t] = (lost[t] ?? 0) + 1) === 1) losing.push(t);
      }
    }
    let fewest = mine;
    let next = Number.POSITIVE_INFINITY;
    let linked = 0;
    for (const r of this.rootsOf(set, from, to)) {
      for (const t of setsOf[r] ?? []) {
        linked++;
        const left = own[t]! - (lost[t] ?? 0);
        if (left < fewest) [fewest, next] = [left, fewest];
        else if (left < next) next = left;
      }
    }
    for (const t of losing) lost[t] = 0;
    return linked === 0 || fewest + next >= this.minimum;
  }

  /** The published sets linked to `set[from..to)` through shared positions, in the order published, and it last. */
  private linkedSets(set: ArrayLike<number>, from: number, to: number): number[][] {
    const { sets, setsOf } = this.exact!;
    const roots = this.rootsOf(set, from, to);
    let count = 0;
    for (const r of roots) count += setsOf[r]?.length ?? 0;
    // A typed array sorts numerically in place, with no comparator to call.
    const indices = new Int32Array(count);
    count = 0;
    for (const r of roots) for (const index of setsOf[r] ?? []) indices[count++] = index;
    indices.sort();
    const linked: number[][] = new Array(indices.length + 1);
    for (let i = 0; i < indices.length; i++) linked[i] = sets[indices[i]!]!;
    linked[indices.length] = members(set, from, to);
    return linked;
  }

  /** The linked groups (their roots) that positions `set[from..to)` are in, each once. */
  private rootsOf(set: ArrayLike<number>, from: number, to: number): number[] {
    const roots: number[] = [];
    for (let i = from; i < to; i++) {
      const r = this.root(set[i]!);
      if (!roots.includes(r)) roots.push(r);
    }
    return roots;
  }

  /**
   * Records a published set: its positions linked, and whether their linked group may now hold a small atom. Only a
   * set the exact test let in can make one (the atom rule leaves none), so that is what is marked: at worst a group
   * marked without one gets the exact test where the atom rule would have done.
   */
  private link(members: number[], exactly: boolean): void {
    const { sets, parent, small, setsOf, cover, sole, own } = this.exact!;
    sets.push(members);
    const index = sets.length - 1;
    own.push(0);
    for (const pos of members) {
      const before = cover[pos]!++;
      if (before === 0) {
        sole[pos] = index;
        own[index]!++;
      } else if (before === 1) own[sole[pos]!]!--;
    }
    let marked = exactly;
    const root = this.root(members[0]!);
    const joined = (setsOf[root] ??= []);
    for (const pos of members) {
      const r = this.root(pos);
      if (r === root) continue;
      if (small[r] === 1) marked = true;
      for (const i of setsOf[r] ?? []) joined.push(i);
      setsOf[r] = undefined;
      parent[r] = root;
    }
    joined.push(index);
    small[root] = marked || small[root] === 1 ? 1 : 0;
  }

  private root(pos: number): number {
    const { parent } = this.exact!;
    while (parent[pos] !== pos) pos = parent[pos] = parent[parent[pos]!]!;
    return pos;
  }
}

/** `set[from..to)` as an array of its own. */
function members(set: ArrayLike<number>, from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = set[i]!;
  return out;
}

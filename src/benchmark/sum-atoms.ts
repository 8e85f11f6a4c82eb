/**
 * The groups of councils ("atoms") that the published sums of one metric tell apart: councils in exactly the
 * same published sets. Any set of councils whose sum can be worked out by adding and subtracting published sums
 * is a union of atoms lying inside some published set, so if every such atom holds at least k councils, nothing
 * derivable rests on fewer than k. Atoms outside every published set appear in no sum and are not checked.
 *
 * Councils are positions 0..size−1. A new set splits only the atoms it touches (each into the part inside it and
 * the part outside), so a set is checked and added in time proportional to its own size, in buffers allocated once.
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

  constructor(
    size: number,
    private readonly minimum: number,
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
  }

  /**
   * Publishes the sum over positions `set[from..to)` (distinct) if every atom inside a published set would still
   * hold at least the minimum, and says whether it did; else nothing changes.
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
   * against what it tells apart.
   */
  add(set: ArrayLike<number>): void {
    this.split(set, 0, set.length, 'force');
  }

  /** A copy to try a group of sets on, all or none: `tryAdd` each on the copy, and keep it only if every one passed. */
  clone(): SumAtoms {
    const copy = new SumAtoms(this.atom.length, this.minimum);
    copy.atom.set(this.atom);
    copy.size.set(this.size);
    copy.covered.set(this.covered);
    copy.atoms = this.atoms;
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
    for (let t = 0; t < touched && !force; t++) {
      const a = this.touched[t]!;
      const inside = this.inside[a]!;
      const outside = this.size[a]! - inside;
      // The part inside is now in a published set; the part outside is still covered if the atom was.
      if (inside < this.minimum || (this.covered[a] === 1 && outside > 0 && outside < this.minimum)) ok = false;
    }
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
    if (ok && mode !== 'check') for (let i = from; i < to; i++) this.atom[set[i]!] = this.becomes[this.atom[set[i]!]!]!;
    return ok;
  }
}

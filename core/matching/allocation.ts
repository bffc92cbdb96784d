/**
 * Capacity-aware allocation of recommendation slots: many-to-many deferred acceptance with a display
 * capacity per opportunity (Gale-Shapley, youth proposing).
 *
 * Each youth proposes to her candidates best score first until she holds `slots` of them; an
 * opportunity holds at most its display capacity, keeping the best proposers (score, then youth id)
 * and releasing the worst when a better one arrives; a released youth proposes on. The result is
 * stable: no youth and opportunity both prefer each other to what they hold. An opportunity also
 * keeps a first-choice reserve, up to `maxLoadFactor` x mean load per opening, for youth whose best
 * candidate it is and who were not kept within the display capacity: a youth's best match is shown
 * unless that opportunity is already at the maximum load. Two repairs follow,
 * each within display capacity: a youth left with nothing takes a place from a youth who holds more
 * than one, and an opportunity below its floor (min(openings, feasible youth)) is added to the lists
 * of its best feasible youth, replacing their weakest recommendation whose opportunity stays at or
 * above its own floor.
 *
 * Display capacity = max(floor, 1, floor(loadFactor x mean load x openings)), mean load = slots
 * asked for / openings; the reserve raises the total to floor(maxLoadFactor x mean load x openings). Pure and deterministic: plain typed arrays in, typed arrays out.
 */

/** Each youth's candidates, best first: opportunity positions and score units, `depth` per youth. */
export interface CandidateLists {
  youth: number;
  depth: number;
  /** youth * depth entries; only the first `count[y]` of a youth's row are used. */
  opportunity: Int32Array;
  units: Int32Array;
  count: Int32Array;
}

/** Per opportunity, its best feasible youth, best first (the kernel's `bestYouth`). */
export interface BestYouth {
  depth: number;
  youth: Int32Array;
  units: Int32Array;
  count: Int32Array;
}

export interface AllocationInput {
  lists: CandidateLists;
  /** Where an opportunity below its floor looks for youth; its depth caps the floor. */
  bestYouth: BestYouth;
  /** Openings or seats per opportunity position. */
  capacity: ArrayLike<number>;
  /** Youth for whom each opportunity is feasible (every hard constraint holds). */
  feasible: ArrayLike<number>;
  /** Recommendations per youth. */
  slots: number;
  /** Display capacity per opening as a multiple of the mean load. */
  loadFactor: number;
  /** Display capacity plus first-choice reserve per opening, as a multiple of the mean load. */
  maxLoadFactor: number;
  /** Each youth's rank in id order: between equal scores the lower rank is preferred. */
  youthRank: ArrayLike<number>;
}

export interface Allocation {
  /** Per youth, up to `slots` opportunity positions, best score first (then position). */
  held: Int32Array;
  heldCount: Int32Array;
  displayCapacity: Int32Array;
  /** First-choice reserve beyond the display capacity; load never exceeds the two together. */
  reserve: Int32Array;
  /** Youth holding each opportunity. */
  load: Int32Array;
  meanLoad: number;
}

/** A min-heap of keys per opportunity; a key packs score units with the youth's id rank. */
class Holders {
  readonly keys: number[][];
  constructor(n: number) {
    this.keys = Array.from({ length: n }, () => []);
  }
  size(o: number): number {
    return this.keys[o]!.length;
  }
  min(o: number): number {
    return this.keys[o]![0]!;
  }
  push(o: number, key: number): void {
    const h = this.keys[o]!;
    h.push(key);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  /** Removes the key at index i (used for the minimum and for repairs). */
  removeAt(o: number, i: number): void {
    const h = this.keys[o]!;
    const last = h.pop()!;
    if (i >= h.length) return;
    h[i] = last;
    // Restore the heap both ways from i.
    let j = i;
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (h[p]! <= h[j]!) break;
      [h[p], h[j]] = [h[j]!, h[p]!];
      j = p;
    }
    for (;;) {
      const l = 2 * j + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const s = r < h.length && h[r]! < h[l]! ? r : l;
      if (h[s]! >= h[j]!) break;
      [h[s], h[j]] = [h[j]!, h[s]!];
      j = s;
    }
  }
}

export function allocate(input: AllocationInput): Allocation {
  const { lists, bestYouth, capacity, feasible, slots, loadFactor, maxLoadFactor, youthRank } = input;
  const Y = lists.youth;
  const M = lists.depth;
  const n = capacity.length;
  let asked = 0;
  for (let y = 0; y < Y; y++) asked += Math.min(slots, lists.count[y]!);
  let openings = 0;
  for (let o = 0; o < n; o++) openings += capacity[o]!;
  const meanLoad = openings === 0 ? 0 : asked / openings;
  const floorOf = new Int32Array(n);
  const display = new Int32Array(n);
  const reserve = new Int32Array(n);
  for (let o = 0; o < n; o++) {
    floorOf[o] = Math.min(capacity[o]!, feasible[o]!, bestYouth.depth);
    display[o] = Math.max(1, floorOf[o]!, Math.floor(loadFactor * meanLoad * capacity[o]!));
    reserve[o] = Math.max(0, Math.floor(maxLoadFactor * meanLoad * capacity[o]!) - display[o]!);
  }

  // Key: higher is better; equal scores prefer the youth earlier in id order.
  const byRank = new Int32Array(Y);
  for (let y = 0; y < Y; y++) byRank[youthRank[y]!] = y;
  const keyOf = (units: number, y: number) => units * Y + (Y - 1 - youthRank[y]!);
  const youthOf = (key: number) => byRank[Y - 1 - (key % Y)]!;
  const holders = new Holders(n);
  const firstChoice = new Holders(n);
  const total = (o: number) => holders.size(o) + firstChoice.size(o);
  const isFirstChoice = (y: number, o: number) => lists.count[y]! > 0 && lists.opportunity[y * M] === o;
  /** Puts a first-choice youth in the reserve; returns the youth released from it, -1, or y if refused. */
  const intoReserve = (o: number, key: number): number => {
    if (firstChoice.size(o) < reserve[o]!) {
      firstChoice.push(o, key);
      return -1;
    }
    if (reserve[o]! === 0 || key <= firstChoice.min(o)) return youthOf(key);
    const out = youthOf(firstChoice.min(o));
    firstChoice.removeAt(o, 0);
    firstChoice.push(o, key);
    return out;
  };
  const held = new Int32Array(Y * slots).fill(-1);
  const heldCount = new Int32Array(Y);
  const next = new Int32Array(Y);
  // Pairs the floor adds from outside a youth's candidate list, with their score units.
  const added = new Map<number, number>();
  const unitsOf = (y: number, o: number): number => {
    for (let i = 0; i < lists.count[y]!; i++)
      if (lists.opportunity[y * M + i] === o) return lists.units[y * M + i]!;
    return added.get(y * n + o) ?? -1;
  };
  const hold = (y: number, o: number) => {
    held[y * slots + heldCount[y]!] = o;
    heldCount[y]!++;
  };
  const release = (y: number, o: number) => {
    const base = y * slots;
    const count = heldCount[y]!;
    for (let i = 0; i < count; i++) {
      if (held[base + i] === o) {
        held[base + i] = held[base + count - 1]!;
        held[base + count - 1] = -1;
        heldCount[y] = count - 1;
        return;
      }
    }
  };

  const queue: number[] = [];
  for (let y = Y - 1; y >= 0; y--) queue.push(y);
  while (queue.length > 0) {
    const y = queue.pop()!;
    while (heldCount[y]! < slots && next[y]! < lists.count[y]!) {
      const i = y * M + next[y]!;
      next[y]!++;
      const o = lists.opportunity[i]!;
      const key = keyOf(lists.units[i]!, y);
      let refused = -1;
      if (holders.size(o) < display[o]!) {
        holders.push(o, key);
      } else if (key > holders.min(o)) {
        const evictedKey = holders.min(o);
        holders.removeAt(o, 0);
        holders.push(o, key);
        const evicted = youthOf(evictedKey);
        // A youth pushed out of her first choice may still hold it in the reserve.
        refused = isFirstChoice(evicted, o) ? intoReserve(o, evictedKey) : evicted;
      } else {
        refused = isFirstChoice(y, o) ? intoReserve(o, key) : y;
      }
      if (refused !== y) hold(y, o);
      if (refused >= 0 && refused !== y) {
        release(refused, o);
        queue.push(refused);
      }
    }
  }

  // A youth with candidates but nothing held takes a place from a holder with more than one.
  for (let y = 0; y < Y; y++) {
    if (heldCount[y]! > 0 || lists.count[y]! === 0) continue;
    for (let c = 0; c < lists.count[y]! && heldCount[y] === 0; c++) {
      // Only the display capacity is reached into here; the reserve is for first choices.
      const o = lists.opportunity[y * M + c]!;
      const key = keyOf(lists.units[y * M + c]!, y);
      if (holders.size(o) < display[o]!) {
        holders.push(o, key);
        hold(y, o);
        continue;
      }
      const keys = holders.keys[o]!;
      let victim = -1;
      for (let k = 0; k < keys.length; k++) {
        if (heldCount[youthOf(keys[k]!)]! > 1 && (victim < 0 || keys[k]! < keys[victim]!)) victim = k;
      }
      if (victim < 0) continue;
      release(youthOf(keys[victim]!), o);
      holders.removeAt(o, victim);
      holders.push(o, key);
      hold(y, o);
    }
  }

  // Opportunities below their floor reach down their best feasible youth, cheapest first: a youth
  // with a free slot costs nothing; otherwise the cost is the score given up by replacing her weakest
  // recommendation whose opportunity stays at or above its own floor.
  const giveable = (y: number): { o: number; units: number } | null => {
    let weakest = -1;
    let weakestUnits = Number.POSITIVE_INFINITY;
    for (let i = 0; i < heldCount[y]!; i++) {
      const other = held[y * slots + i]!;
      if (total(other) <= floorOf[other]!) continue;
      const u = unitsOf(y, other);
      if (u < weakestUnits || (u === weakestUnits && other > weakest)) {
        weakest = other;
        weakestUnits = u;
      }
    }
    return weakest < 0 ? null : { o: weakest, units: weakestUnits };
  };
  for (let o = 0; o < n; o++) {
    if (total(o) >= floorOf[o]!) continue;
    const heldHere = new Set([...holders.keys[o]!, ...firstChoice.keys[o]!].map(youthOf));
    const candidates: { y: number; key: number; units: number }[] = [];
    for (let i = 0; i < bestYouth.count[o]!; i++) {
      const y = bestYouth.youth[o * bestYouth.depth + i]!;
      if (heldHere.has(y)) continue;
      const units = bestYouth.units[o * bestYouth.depth + i]!;
      candidates.push({ y, key: keyOf(units, y), units });
    }
    while (total(o) < floorOf[o]! && candidates.length > 0) {
      let pick = -1;
      let pickCost = Number.POSITIVE_INFINITY;
      let pickGive: { o: number; units: number } | null = null;
      candidates.forEach((c, i) => {
        const give = heldCount[c.y]! < slots ? null : giveable(c.y);
        if (heldCount[c.y]! >= slots && give === null) return;
        const cost = give === null ? Number.NEGATIVE_INFINITY : give.units - c.units;
        if (cost < pickCost || (cost === pickCost && c.key > candidates[pick]!.key)) {
          pick = i;
          pickCost = cost;
          pickGive = give;
        }
      });
      if (pick < 0) break;
      const { y, key, units } = candidates.splice(pick, 1)[0]!;
      const give = pickGive as { o: number; units: number } | null;
      if (give !== null) {
        const giveKey = keyOf(give.units, y);
        const at = holders.keys[give.o]!.indexOf(giveKey);
        if (at >= 0) holders.removeAt(give.o, at);
        else firstChoice.removeAt(give.o, firstChoice.keys[give.o]!.indexOf(giveKey));
        release(y, give.o);
      }
      if (unitsOf(y, o) < 0) added.set(y * n + o, units);
      holders.push(o, key);
      hold(y, o);
    }
  }

  // Each youth's list best first, then by position (id order).
  const load = new Int32Array(n);
  for (let y = 0; y < Y; y++) {
    const row = Array.from(held.subarray(y * slots, y * slots + heldCount[y]!));
    row.sort((a, b) => unitsOf(y, b) - unitsOf(y, a) || a - b);
    row.forEach((o, i) => {
      held[y * slots + i] = o;
      load[o]!++;
    });
  }
  return { held, heldCount, displayCapacity: display, reserve, load, meanLoad };
}

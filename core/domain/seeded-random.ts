/**
 * A small seeded random source for what must be reproducible from its seed: the demo dataset byte
 * for byte, and the aptitude items of an invitation. Nothing here may touch Math.random or the clock.
 */

/** splitmix32: a 32-bit state stepped by the golden-ratio increment, then mixed. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z ^= z >>> 15;
    return (z >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a stream name into a seed offset so each record kind has its own stream. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

export class SeededRandom {
  private readonly next: () => number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.next = splitmix32(seed);
  }

  /**
   * An independent stream for one record kind: changing how many vacancies are drawn must not
   * change any youth.
   */
  static stream(seed: number, name: string): SeededRandom {
    return new SeededRandom((seed ^ hashName(name)) >>> 0);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: readonly Weighted<T>[]): T {
    const total = entries.reduce((sum, e) => sum + e.weight, 0);
    if (!(total > 0)) throw new RangeError('weights must sum to more than zero');
    let threshold = this.next() * total;
    for (const entry of entries) {
      threshold -= entry.weight;
      if (threshold < 0) return entry.value;
    }
    return entries[entries.length - 1]!.value;
  }

  /** Gaussian by the Box-Muller transform, using both values it yields. */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** `count` distinct items in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, n);
  }
}

// A small seeded PRNG: the same --seed must give the same data set, so benchmarks are comparable across runs
// and machines. Math.random() cannot be seeded; mulberry32 is tiny, fast and good enough for test data.

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Standard normal via Box-Muller: cities are dense in the centre and thin out, like real ones. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A sampler over weighted items, precomputed once because it runs millions of times. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cumulative.push((acc += w / total));
  return (rng) => {
    const r = rng();
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}

/** k distinct items drawn by weight (rejection on repeats; k is always small next to the item count). */
export function distinct<T>(rng: Rng, k: number, draw: (rng: Rng) => T, exclude?: ReadonlySet<T>): T[] {
  const chosen = new Set<T>();
  for (let attempts = 0; chosen.size < k && attempts < k * 20; attempts++) {
    const item = draw(rng);
    if (!exclude?.has(item)) chosen.add(item);
  }
  return [...chosen];
}

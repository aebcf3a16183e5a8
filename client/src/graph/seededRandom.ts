/**
 * Layout extensions such as fCoSE draw their starting positions from Math.random, so the same
 * graph came out differently on every load and a shared link did not reproduce a figure. The
 * layout's computation runs synchronously inside `layout.run()`, so swapping Math.random for a
 * generator seeded by the graph itself for the length of that call makes the drawing a
 * function of the data.
 */

/** A 32-bit FNV-1a hash of a string: a stable seed for the same set of elements. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-distributed PRNG returning floats in [0, 1). */
export function seededGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` with Math.random seeded by `seed`, restoring it afterwards even if `work` throws. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededGenerator(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

import { describe, expect, it } from "vitest";
import { hashSeed, seededGenerator, withSeededRandom } from "./seededRandom.js";

describe("seeded layouts", () => {
  it("draws the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededGenerator(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) expect(value >= 0 && value < 1).toBe(true);
  });

  it("hashes equal texts equally", () => {
    expect(hashSeed("CHEBI:6121|mg:nmdar")).toBe(hashSeed("CHEBI:6121|mg:nmdar"));
    expect(hashSeed("CHEBI:6121|mg:nmdar")).not.toBe(hashSeed("mg:nmdar|CHEBI:6121"));
  });

  it("seeds Math.random only while the work runs, also when it throws", () => {
    const original = Math.random;
    const first = withSeededRandom(1, () => [Math.random(), Math.random()]);
    expect(withSeededRandom(1, () => [Math.random(), Math.random()])).toEqual(first);
    expect(Math.random).toBe(original);
    expect(() =>
      withSeededRandom(1, () => {
        throw new Error("layout failed");
      }),
    ).toThrow("layout failed");
    expect(Math.random).toBe(original);
  });
});

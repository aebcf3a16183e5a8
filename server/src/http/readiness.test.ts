import { describe, expect, it } from "vitest";
import { createReadiness } from "./readiness.js";

/** A probe whose answers the test scripts, and a clock it moves by hand. */
function scripted(answers: boolean[]) {
  let clock = 0;
  const probe = { ping: async () => answers.shift() ?? false, close: async () => {} };
  return { probe, now: () => clock, advance: (ms: number) => (clock += ms) };
}

describe("readiness", () => {
  it("stays up through one failed ping within the grace period", async () => {
    const { probe, now, advance } = scripted([true, false, true]);
    const readiness = createReadiness(probe, 10_000, now);
    expect(await readiness.databaseUp()).toBe(true);
    advance(3_000);
    expect(await readiness.databaseUp()).toBe(true);
    advance(3_000);
    expect(await readiness.databaseUp()).toBe(true);
  });

  it("reports down once pings have failed for longer than the grace period", async () => {
    const { probe, now, advance } = scripted([true, false, false]);
    const readiness = createReadiness(probe, 10_000, now);
    expect(await readiness.databaseUp()).toBe(true);
    advance(5_000);
    expect(await readiness.databaseUp()).toBe(true);
    advance(6_000);
    expect(await readiness.databaseUp()).toBe(false);
  });

  it("is down until the database has answered once", async () => {
    const { probe, now } = scripted([false, true]);
    const readiness = createReadiness(probe, 10_000, now);
    expect(await readiness.databaseUp()).toBe(false);
    expect(await readiness.databaseUp()).toBe(true);
  });
});

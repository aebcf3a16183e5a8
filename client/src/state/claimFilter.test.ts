import { describe, expect, it } from "vitest";
import { activeFilterCount, toClaimFilter } from "./claimFilter.js";
import { emptyFilter } from "./viewState.js";

describe("ClaimFilter mapping", () => {
  it("sends only what filters, with accepted claims by default", () => {
    expect(toClaimFilter(emptyFilter())).toEqual({ statuses: ["ACCEPTED"] });
    expect(activeFilterCount(emptyFilter())).toBe(0);
  });

  it("maps each filter to its ClaimFilter field", () => {
    const filter = {
      species: ["human"],
      minStrength: 0.4,
      designs: ["RCT" as const],
      regions: ["UBERON:0000955"],
      statuses: ["PROPOSED" as const],
    };
    expect(toClaimFilter(filter)).toEqual({
      species: ["human"],
      minStrength: 0.4,
      designs: ["RCT"],
      regions: ["UBERON:0000955"],
      statuses: ["PROPOSED"],
    });
    expect(activeFilterCount(filter)).toBe(5);
  });
});

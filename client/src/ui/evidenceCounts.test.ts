import { describe, expect, it } from "vitest";
import { evidenceCountText } from "./evidenceCounts.js";

describe("evidence counts", () => {
  it("counts items and distinct studies", () => {
    const item = (id: string) => ({ study: { id } });
    expect(evidenceCountText([item("study:a"), item("study:a"), item("study:b")])).toBe("3 evidence items from 2 studies");
    expect(evidenceCountText([item("study:a")])).toBe("1 evidence item from 1 study");
    expect(evidenceCountText([])).toBe("0 evidence items from 0 studies");
  });
});

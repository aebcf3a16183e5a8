import { describe, expect, it } from "vitest";
import { formatHours, hoursToPosition, positionToHours, timeScaleDefaults } from "./timeScale.js";

describe("time scale", () => {
  it("spans 0.1 h to 720 h on a log scale", () => {
    expect(positionToHours(0)).toBeCloseTo(0.1, 2);
    expect(positionToHours(timeScaleDefaults.steps)).toBe(720);
    // The middle of a log scale is the geometric mean: sqrt(0.1 * 720) ≈ 8.5 h.
    expect(positionToHours(timeScaleDefaults.steps / 2)).toBeCloseTo(8.5, 1);
  });

  it("maps hours to positions and back", () => {
    for (const hours of [0.5, 4, 24, 168, 720]) {
      expect(positionToHours(hoursToPosition(hours))).toBeCloseTo(hours, hours < 1 ? 1 : 0);
    }
    expect(hoursToPosition(0)).toBe(0);
    expect(hoursToPosition(10_000)).toBe(timeScaleDefaults.steps);
  });

  it("labels times readably", () => {
    expect(formatHours(0.1)).toBe("6 min");
    expect(formatHours(0.5)).toBe("30 min");
    expect(formatHours(1)).toBe("1 h");
    expect(formatHours(1.5)).toBe("1.5 h");
    expect(formatHours(4)).toBe("4 h");
    expect(formatHours(24)).toBe("24 h");
    expect(formatHours(36)).toBe("36 h");
    expect(formatHours(48)).toBe("2 days");
    expect(formatHours(60)).toBe("2.5 days");
    expect(formatHours(168)).toBe("7 days");
    expect(formatHours(336)).toBe("2 weeks");
    expect(formatHours(720)).toBe("30 days");
  });
});

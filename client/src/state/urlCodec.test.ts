import { describe, expect, it } from "vitest";
import { decodeViewState, encodeViewState } from "./urlCodec.js";
import { initialViewState, type ViewState } from "./viewState.js";

describe("view state in the URL", () => {
  it("leaves the default view out of the URL", () => {
    expect(encodeViewState(initialViewState())).toBe("");
    expect(decodeViewState("")).toEqual(initialViewState());
  });

  it("round-trips every field", () => {
    const state: ViewState = {
      mode: "path",
      chainsOf: "CHEBI:6121",
      ids: ["CHEBI:6121", "mg:x"],
      hidden: ["mg:hidden"],
      selection: { kind: "edge", id: "claim:a-b" },
      path: { from: "CHEBI:6121", to: "GO:0007416", through: "mg:bdnf", maxHops: 5 },
      filter: {
        species: ["human", "rat"],
        minStrength: 0.3,
        designs: ["RCT", "META_ANALYSIS"],
        regions: ["UBERON:1"],
        statuses: ["ACCEPTED", "PROPOSED"],
      },
      hours: 4,
      layout: "dagre",
    };
    const search = encodeViewState(state);
    expect(search).toContain("from=CHEBI%3A6121");
    expect(decodeViewState(search)).toEqual(state);
  });

  it("opens How it works on a bare URL and Explore on older links without a mode", () => {
    expect(decodeViewState("").mode).toBe("how");
    expect(decodeViewState("?renderer=webgl").mode).toBe("how");
    expect(decodeViewState("?id=CHEBI:6121").mode).toBe("explore");
    expect(encodeViewState({ ...initialViewState(), mode: "explore" })).toBe("?mode=explore");
    const how: ViewState = { ...initialViewState(), chainsOf: "CHEBI:6121" };
    expect(encodeViewState(how)).toBe("?of=CHEBI%3A6121&mode=how");
    expect(decodeViewState(encodeViewState(how))).toEqual(how);
    const explore: ViewState = { ...initialViewState(), mode: "explore", ids: ["CHEBI:6121"] };
    expect(encodeViewState(explore)).toBe("?id=CHEBI%3A6121");
  });

  it("drops malformed values so an edited link still opens", () => {
    const state = decodeViewState("?mode=nonsense&hops=99&minStrength=7&design=NOPE&status=MAYBE&t=-3&layout=spiral&from=a");
    expect(state.mode).toBe("explore");
    expect(state.path).toBeNull();
    expect(state.filter.minStrength).toBeNull();
    expect(state.filter.designs).toEqual([]);
    expect(state.filter.statuses).toEqual(["ACCEPTED"]);
    expect(state.hours).toBeNull();
    expect(state.layout).toBeNull();
    expect(decodeViewState("?from=a&to=b&hops=99").path?.maxHops).toBe(4);
  });
});

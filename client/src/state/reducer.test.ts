import { describe, expect, it } from "vitest";
import type { ClaimEdgeFieldsFragment } from "../api/index.js";
import type { AppState, LoadedGraph, MechanismChain } from "./appState.js";
import { dataKey, initialAppState, reduce, type Action } from "./reducer.js";
import { createStore } from "./store.js";
import { initialViewState, type ViewState } from "./viewState.js";

const ketamine = { id: "CHEBI:6121", name: "ketamine", kind: "INTERVENTION" as const };
const synaptogenesis = { id: "mg:synaptogenesis", name: "synaptogenesis", kind: "OUTCOME" as const };

function claim(id: string): ClaimEdgeFieldsFragment {
  return {
    id,
    predicate: "INCREASES",
    sign: "POSITIVE",
    strength: 0.5,
    contestedness: 0,
    status: "ACCEPTED",
    version: 1,
    subject: ketamine,
    object: synaptogenesis,
    context: { onsetHours: null, peakHours: null, endHours: null },
  };
}

function chain(claimId: string): MechanismChain {
  const c = claim(claimId);
  return {
    score: 0.5,
    netSign: "POSITIVE",
    complete: true,
    entities: [ketamine, synaptogenesis],
    claims: [c],
    steps: [{ from: ketamine, to: synaptogenesis, sign: "POSITIVE", strength: 0.5, contested: false, claims: [c] }],
    explanation: { weakestStepIndex: 0, summary: "" },
  };
}

const how = (chainsOf: string | null): ViewState => ({ ...initialViewState(), mode: "how", chainsOf });
const explore = (ids: string[]): ViewState => ({ ...initialViewState(), mode: "explore", ids });
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reduce, state);
const loadingSeq = (state: AppState): number => {
  if (state.graph.status !== "loading") throw new Error(`expected a loading graph, got ${state.graph.status}`);
  return state.graph.seq;
};

describe("the client state reducer", () => {
  it("asks for nothing until an entity is chosen, then loads the view's data", () => {
    const start = initialAppState(how(null));
    expect(start.graph).toMatchObject({ status: "ready", loaded: { kind: "idle", mode: "how" } });

    const chosen = reduce(start, { type: "navigated", view: how(ketamine.id) });
    expect(chosen.graph).toMatchObject({ status: "loading", key: dataKey(how(ketamine.id)) });
    const loaded: LoadedGraph = { kind: "how", data: { entities: [], claims: [] }, chains: [chain("c1"), chain("c2")] };
    const ready = reduce(chosen, { type: "graphLoaded", seq: loadingSeq(chosen), loaded });
    expect(ready.graph).toMatchObject({ status: "ready", loaded });
  });

  it("drops the answer to a request the user has moved on from", () => {
    const first = initialAppState(explore(["a"]));
    const staleSeq = loadingSeq(first);
    const second = reduce(first, { type: "navigated", view: explore(["b"]) });
    const loaded: LoadedGraph = { kind: "explore", data: { entities: [], claims: [] }, truncated: false };
    expect(reduce(second, { type: "graphLoaded", seq: staleSeq, loaded })).toBe(second);
    expect(reduce(second, { type: "graphFailed", seq: staleSeq, error: new Error("late") })).toBe(second);
    const failed = reduce(second, { type: "graphFailed", seq: loadingSeq(second), error: new Error("down") });
    expect(failed.graph).toMatchObject({ status: "failed", key: dataKey(explore(["b"])) });
  });

  it("keeps the loaded data when only the selection or layout changes, and reloads when the filter does", () => {
    const start = initialAppState(explore(["a"]));
    const loaded: LoadedGraph = { kind: "explore", data: { entities: [], claims: [] }, truncated: false };
    const ready = reduce(start, { type: "graphLoaded", seq: loadingSeq(start), loaded });
    const selected = reduce(ready, {
      type: "navigated",
      view: { ...ready.view, selection: { kind: "node", id: "a" }, layout: "concentric" },
    });
    expect(selected.graph).toBe(ready.graph);
    const filtered = reduce(selected, {
      type: "navigated",
      view: { ...selected.view, filter: { ...selected.view.filter, species: ["human"] } },
    });
    expect(filtered.graph.status).toBe("loading");
  });

  it("shows another chain only among those loaded, dropping the selection", () => {
    const start = initialAppState({ ...how(ketamine.id), selection: { kind: "edge", id: "c1" } });
    const loaded: LoadedGraph = { kind: "how", data: { entities: [], claims: [] }, chains: [chain("c1"), chain("c2")] };
    const ready = reduce(start, { type: "graphLoaded", seq: loadingSeq(start), loaded });
    const second = reduce(ready, { type: "chainShown", index: 1 });
    expect(second.focus.chain).toBe(1);
    expect(second.view.selection).toBeNull();
    expect(reduce(second, { type: "chainShown", index: 5 })).toBe(second);
    // A new entity starts again from its best chain.
    expect(reduce(second, { type: "navigated", view: how("mg:other") }).focus.chain).toBe(0);
  });

  it("draws a proposed claim beside the data until a change reloads it", () => {
    const start = initialAppState(explore(["a"]));
    const loaded: LoadedGraph = { kind: "explore", data: { entities: [], claims: [] }, truncated: false };
    const ready = reduce(start, { type: "graphLoaded", seq: loadingSeq(start), loaded });
    const proposed = reduce(ready, { type: "claimProposed", claim: claim("new") });
    expect(proposed.extras.claims.map((c) => c.id)).toEqual(["new"]);
    expect(proposed.extras.entities.map((e) => e.id).sort()).toEqual([ketamine.id, synaptogenesis.id]);
    const changed = reduce(proposed, { type: "claimChanged", claimId: "new" });
    expect(changed.graph.status).toBe("loading");
    expect(loadingSeq(changed)).toBeGreaterThan(ready.graph.seq);
    expect(changed.extras.claims).toEqual([]);
  });

  it("opens the Time course at the default time and asks for the overlay elsewhere only with the slider on", () => {
    const time = initialAppState({ ...initialViewState(), mode: "time" });
    expect(time.view.hours).toBe(24);
    expect(time.overlay.status).toBe("off");

    const start = initialAppState(explore(["a"]));
    const loaded: LoadedGraph = { kind: "explore", data: { entities: [], claims: [] }, truncated: false };
    const ready = reduce(start, { type: "graphLoaded", seq: loadingSeq(start), loaded });
    expect(ready.overlay.status).toBe("off");
    const sliding = reduce(ready, { type: "navigated", view: { ...ready.view, hours: 4 } });
    if (sliding.overlay.status !== "loading") throw new Error("the overlay should load");
    const ids = new Set(["c1"]);
    const shown = run(sliding, { type: "overlayLoaded", seq: sliding.overlay.seq, activeClaimIds: ids });
    expect(shown.overlay).toMatchObject({ status: "ready", activeClaimIds: ids });
    expect(reduce(shown, { type: "navigated", view: { ...shown.view, hours: null } }).overlay.status).toBe("off");
  });
});

describe("the store", () => {
  it("tells subscribers each change once, in order, including changes dispatched while telling", () => {
    const store = createStore(initialAppState(how(null)));
    const seen: string[] = [];
    store.subscribe((state, previous) => {
      seen.push(`${previous.view.chainsOf}->${state.view.chainsOf}:${state.graph.status}`);
      if (state.graph.status === "loading") {
        store.dispatch({ type: "graphFailed", seq: state.graph.seq, error: new Error("offline") });
      }
    });
    store.dispatch({ type: "tokenChanged", canCurate: false }); // no change: nobody is told
    store.dispatch({ type: "navigated", view: how(ketamine.id) });
    expect(seen).toEqual([`null->${ketamine.id}:loading`, `${ketamine.id}->${ketamine.id}:failed`]);
  });
});

import type { Core } from "cytoscape";

/** One found path, as the ids of its nodes and edges. */
export interface PathHighlight {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** The marks of the one mechanism chain How it works draws: its weakest and contested steps. */
export interface ChainMarks {
  weakestEdgeIds: readonly string[];
  contestedEdgeIds: readonly string[];
}

/** What to emphasise: found paths, a mechanism chain's marks and/or the claims active at the slider's time. */
export interface Emphasis {
  paths: readonly PathHighlight[];
  /** The path the user picked; null draws every path with the best (index 0) strongest. */
  focusPath: number | null;
  /** Claims active at t; null when the time overlay is off. */
  activeClaimIds: ReadonlySet<string> | null;
  /** Set when the view is one mechanism chain: every element gets `chain` (larger labels). */
  chain: ChainMarks | null;
}

/**
 * Applies the emphasis classes: every path's elements get `path`, the focused path
 * `path-best`; claims active at t and their endpoints get `t-active`. Whatever is neither on
 * a path (when paths are shown) nor active (when the overlay is on) fades. Returns how many
 * drawn claims are active at t.
 */
export function applyEmphasis(cy: Core, emphasis: Emphasis): number {
  let activeCount = 0;
  cy.batch(() => {
    cy.elements().removeClass("path path-best t-active faded chain chain-weakest chain-contested");
    if (emphasis.chain !== null) applyChainMarks(cy, emphasis.chain);
    let keep = cy.elements();
    if (emphasis.paths.length > 0) {
      let onPath = cy.collection();
      let focused = cy.collection();
      emphasis.paths.forEach((path, index) => {
        let elements = cy.collection();
        for (const id of [...path.nodeIds, ...path.edgeIds]) elements = elements.union(cy.getElementById(id));
        elements.addClass("path");
        if (index === (emphasis.focusPath ?? 0)) {
          elements.addClass("path-best");
          focused = elements;
        }
        onPath = onPath.union(elements);
      });
      // A path the user picked stands alone; otherwise all paths show, the best strongest.
      keep = keep.intersection(emphasis.focusPath !== null ? focused : onPath);
    }
    const activeIds = emphasis.activeClaimIds;
    if (activeIds !== null) {
      const active = cy.edges().filter((edge) => activeIds.has(edge.id()));
      activeCount = active.length;
      const lit = active.union(active.connectedNodes());
      lit.addClass("t-active");
      keep = keep.intersection(lit);
    }
    cy.elements().difference(keep).addClass("faded");
  });
  return activeCount;
}

/** Hides the given entities (their edges go with them) and shows everything else. */
export function applyHidden(cy: Core, hiddenIds: readonly string[]): void {
  const hidden = new Set(hiddenIds);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      if (hidden.has(node.id())) node.addClass("hidden");
      else node.removeClass("hidden");
    });
  });
}

/** Gives the view's root entities (searched or expanded) a heavier border. */
export function applyRoots(cy: Core, rootIds: readonly string[]): void {
  const roots = new Set(rootIds);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      if (roots.has(node.id())) node.addClass("root");
      else node.removeClass("root");
    });
  });
}

function applyChainMarks(cy: Core, marks: ChainMarks): void {
  cy.elements().addClass("chain");
  for (const id of marks.weakestEdgeIds) cy.getElementById(id).addClass("chain-weakest");
  for (const id of marks.contestedEdgeIds) cy.getElementById(id).addClass("chain-contested");
}

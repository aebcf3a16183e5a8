import type { CompareHypothesesQuery } from "../api/index.js";

/**
 * The comparison as one graph: every claim of the compared hypotheses as an edge, drawn in the
 * colour of the hypothesis that holds it; a claim two or more hold is drawn as shared (dark,
 * thicker, labelled with how many). Pure, so the marking is tested without a browser.
 */

type Comparison = CompareHypothesesQuery["compareHypotheses"];

/** Distinct colours, also readable for the common colour-vision deficiencies (Okabe-Ito). */
export const HYPOTHESIS_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"] as const;
/** Shared claims: none of the hypothesis colours. */
export const SHARED_COLOUR = "#1b1f24";

export interface ComparisonNode {
  data: { id: string; name: string; kind: string; colour: string };
}

export interface ComparisonEdge {
  data: {
    id: string;
    source: string;
    target: string;
    label: string;
    colour: string;
    strength: number;
    /** Ids of the compared hypotheses holding this claim, in the order compared. */
    hypotheses: string[];
  };
  classes: string;
}

export const colourOf = (index: number): string => HYPOTHESIS_COLOURS[index % HYPOTHESIS_COLOURS.length]!;

export function comparisonElements(comparison: Comparison): { nodes: ComparisonNode[]; edges: ComparisonEdge[] } {
  const order = comparison.hypotheses.map((h) => h.id);
  const holders = new Map<string, Set<string>>();
  const claims = new Map<string, Comparison["hypotheses"][number]["claims"][number]["claim"]>();
  for (const hypothesis of comparison.hypotheses)
    for (const { claim } of hypothesis.claims) {
      claims.set(claim.id, claim);
      holders.set(claim.id, (holders.get(claim.id) ?? new Set()).add(hypothesis.id));
    }

  const nodeHolders = new Map<string, Set<string>>();
  const nodes = new Map<string, ComparisonNode>();
  const edges: ComparisonEdge[] = [];
  for (const [id, claim] of claims) {
    const held = order.filter((h) => holders.get(id)!.has(h));
    const shared = held.length > 1;
    for (const end of [claim.subject, claim.object]) {
      nodeHolders.set(end.id, new Set([...(nodeHolders.get(end.id) ?? []), ...held]));
      nodes.set(end.id, { data: { id: end.id, name: end.name, kind: end.kind, colour: SHARED_COLOUR } });
    }
    edges.push({
      data: {
        id,
        source: claim.subject.id,
        target: claim.object.id,
        label: shared
          ? `${claim.predicate.toLowerCase().replace(/_/g, " ")} · shared by ${held.length}`
          : claim.predicate.toLowerCase().replace(/_/g, " "),
        colour: shared ? SHARED_COLOUR : colourOf(order.indexOf(held[0]!)),
        strength: claim.strength,
        hypotheses: held,
      },
      classes: [shared ? "shared" : "single", claim.contestedness > 0 ? "contested" : "", claim.status === "PROPOSED" ? "proposed" : ""]
        .filter(Boolean)
        .join(" "),
    });
  }
  // An entity only one hypothesis reaches takes its colour; one several reach stays dark.
  for (const [id, node] of nodes) {
    const held = [...nodeHolders.get(id)!];
    if (held.length === 1) node.data.colour = colourOf(order.indexOf(held[0]!));
  }
  return { nodes: [...nodes.values()], edges };
}

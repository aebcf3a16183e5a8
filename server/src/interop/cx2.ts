import { EDGE_STYLE, KIND_STYLES, SIGN_STYLES } from "../../../common/src/graphStyle.js";
import type { ClaimRecord } from "../domain/model.js";
import { PREDICATES } from "../domain/vocabulary.js";
import { nodeCategory } from "./kgxRecords.js";
import type { GraphSnapshot } from "./graphSnapshot.js";

/**
 * CX2 for Cytoscape desktop and NDEx, as the CX2 reader wants it: the document opens with
 * `{"CXVersion":"2.0"}`, every attribute is declared in `attributeDeclarations`, ids are
 * integers (the CURIE stays as the `curie` attribute), and one final `status` aspect has an
 * empty error. Visual properties mirror the client: colour and shape by kind, width by
 * strength, arrowhead by sign, negative claims purple, contested ones red, proposed dashed.
 */

type Cx2Type = "string" | "double" | "integer" | "boolean" | "list_of_string";
type Aspect = Record<string, unknown>;

const NODE_ATTRIBUTES: Record<string, Cx2Type> = {
  name: "string",
  curie: "string",
  kind: "string",
  category: "string",
  synonyms: "list_of_string",
};
const EDGE_ATTRIBUTES: Record<string, Cx2Type> = {
  interaction: "string",
  claim_id: "string",
  predicate: "string",
  sign: "string",
  strength: "double",
  contestedness: "double",
  contested: "boolean",
  status: "string",
  evidence_summary: "string",
  supporting: "integer",
  contradicting: "integer",
  citation: "list_of_string",
};

/** CX2's node shapes lack the client's "tag" and "barrel"; these are their nearest. */
const CX2_SHAPES: Record<string, string> = { tag: "parallelogram", barrel: "round-rectangle" };
const upper = (word: string) => word.toUpperCase();

/** PubMed and DOI citations of a claim's evidence, as NDEx's `citation` convention spells them. */
function citations(claim: ClaimRecord): string[] {
  const out = new Set<string>();
  for (const ev of claim.evidence) {
    if (ev.study.pmid) out.add(`pmid:${ev.study.pmid}`);
    if (ev.study.doi) out.add(`doi:${ev.study.doi}`);
  }
  return [...out];
}

function visualProperties(): Aspect {
  const discrete = (attribute: string, map: { v: string; vp: string | number }[]) => ({ type: "DISCRETE", definition: { attribute, map } });
  return {
    default: {
      network: { NETWORK_BACKGROUND_COLOR: "#FFFFFF" },
      node: {
        NODE_SHAPE: "ellipse",
        NODE_BACKGROUND_COLOR: KIND_STYLES.MECHANISM.color,
        NODE_WIDTH: 34,
        NODE_HEIGHT: 34,
        NODE_LABEL_FONT_SIZE: 12,
      },
      edge: {
        EDGE_LINE_COLOR: EDGE_STYLE.color,
        EDGE_TARGET_ARROW_COLOR: EDGE_STYLE.color,
        EDGE_TARGET_ARROW_SHAPE: "none",
        EDGE_WIDTH: EDGE_STYLE.minWidth,
        EDGE_LINE_STYLE: "solid",
      },
    },
    nodeMapping: {
      NODE_LABEL: { type: "PASSTHROUGH", definition: { attribute: "name" } },
      NODE_BACKGROUND_COLOR: discrete(
        "kind",
        Object.entries(KIND_STYLES).map(([kind, s]) => ({ v: kind, vp: s.color })),
      ),
      NODE_BORDER_COLOR: discrete(
        "kind",
        Object.entries(KIND_STYLES).map(([kind, s]) => ({ v: kind, vp: s.border })),
      ),
      NODE_SHAPE: discrete(
        "kind",
        Object.entries(KIND_STYLES).map(([kind, s]) => ({ v: kind, vp: CX2_SHAPES[s.shape] ?? s.shape })),
      ),
    },
    edgeMapping: {
      EDGE_WIDTH: {
        type: "CONTINUOUS",
        definition: {
          attribute: "strength",
          map: [
            { max: 0, maxVPValue: EDGE_STYLE.minWidth, includeMax: true },
            { min: 0, max: 1, minVPValue: EDGE_STYLE.minWidth, maxVPValue: EDGE_STYLE.maxWidth, includeMin: false, includeMax: false },
            { min: 1, minVPValue: EDGE_STYLE.maxWidth, includeMin: true },
          ],
        },
      },
      EDGE_TARGET_ARROW_SHAPE: discrete(
        "sign",
        Object.entries(SIGN_STYLES).map(([sign, s]) => ({ v: sign, vp: s.arrow })),
      ),
      EDGE_LINE_COLOR: discrete("sign", [{ v: "NEGATIVE", vp: EDGE_STYLE.negativeColor }]),
      EDGE_TARGET_ARROW_COLOR: discrete("sign", [{ v: "NEGATIVE", vp: EDGE_STYLE.negativeColor }]),
      EDGE_LINE_STYLE: discrete("status", [
        { v: "PROPOSED", vp: "dashed" },
        { v: "REJECTED", vp: "dotted" },
        { v: "RETRACTED", vp: "dotted" },
      ]),
      EDGE_LABEL: { type: "PASSTHROUGH", definition: { attribute: "interaction" } },
    },
  };
}

export type Cx2Document = Aspect[];

export function toCx2(snapshot: GraphSnapshot, name = "mechgraph"): Cx2Document {
  const nodeIds = new Map(snapshot.entities.map((e, i) => [e.id, i]));
  const nodes = snapshot.entities.map((entity, id) => ({
    id,
    v: { name: entity.name, curie: entity.id, kind: upper(entity.kind), category: nodeCategory(entity), synonyms: entity.synonyms },
  }));
  const claims = snapshot.claims.filter((c) => nodeIds.has(c.subject.id) && nodeIds.has(c.object.id));
  const edges = claims.map((claim, id) => ({
    id,
    s: nodeIds.get(claim.subject.id)!,
    t: nodeIds.get(claim.object.id)!,
    v: {
      interaction: PREDICATES[claim.predicate].label,
      claim_id: claim.id,
      predicate: upper(claim.predicate),
      sign: upper(PREDICATES[claim.predicate].sign),
      strength: Math.min(Math.max(claim.strength, 0), 1),
      contestedness: claim.contestedness,
      contested: claim.contestedness > 0,
      status: upper(claim.status),
      evidence_summary: claim.strengthBreakdown?.summary ?? "",
      supporting: claim.evidence.filter((e) => e.stance === "supports").length,
      contradicting: claim.evidence.filter((e) => e.stance === "contradicts").length,
      citation: citations(claim),
    },
  }));
  // Contested claims are red over their sign colour, as in the client: a bypass, since one mapping per property is allowed.
  const edgeBypasses = edges
    .filter((e) => e.v.contested)
    .map((e) => ({ id: e.id, v: { EDGE_LINE_COLOR: EDGE_STYLE.contestedColor, EDGE_TARGET_ARROW_COLOR: EDGE_STYLE.contestedColor } }));
  const aspects: Aspect[] = [
    {
      attributeDeclarations: [
        {
          networkAttributes: { name: { d: "string" }, description: { d: "string" } },
          nodes: declare(NODE_ATTRIBUTES),
          edges: declare(EDGE_ATTRIBUTES),
        },
      ],
    },
    { networkAttributes: [{ name, description: "Mechanisms and the evidence behind them, exported from mechgraph." }] },
    { nodes },
    { edges },
    { visualProperties: [visualProperties()] },
    ...(edgeBypasses.length > 0 ? [{ edgeBypasses }] : []),
  ];
  const metaData = aspects.map((aspect) => {
    const [key, value] = Object.entries(aspect)[0]!;
    return { name: key, elementCount: (value as unknown[]).length };
  });
  return [{ CXVersion: "2.0", hasFragments: false }, { metaData }, ...aspects, { status: [{ error: "", success: true }] }];
}

function declare(attributes: Record<string, Cx2Type>): Record<string, { d: Cx2Type }> {
  return Object.fromEntries(Object.entries(attributes).map(([key, d]) => [key, { d }]));
}

import { claimEdgeData, entityNodeData } from "../../../common/src/cytoscapeElements.js";
import { toCytoscapeJson, type CytoscapeJson } from "../../../common/src/cytoscapeJson.js";
import { PREDICATES } from "../domain/vocabulary.js";
import type { GraphSnapshot } from "./graphSnapshot.js";

const upper = (word: string) => word.toUpperCase();

/**
 * The graph as Cytoscape JSON, with the element data and the document builder of the client's
 * download (common/src), so both carry the same columns; enum values in their GraphQL spelling.
 */
export function toCyjs(snapshot: GraphSnapshot, name = "mechgraph"): CytoscapeJson {
  return toCytoscapeJson(
    {
      nodes: snapshot.entities.map((entity) => ({ data: { ...entityNodeData({ ...entity, kind: upper(entity.kind) }) } })),
      edges: snapshot.claims.map((claim) => ({
        data: {
          ...claimEdgeData(
            { ...claim, predicate: upper(claim.predicate), sign: upper(PREDICATES[claim.predicate].sign), status: upper(claim.status) },
            PREDICATES[claim.predicate].label,
          ),
        },
      })),
    },
    name,
  );
}

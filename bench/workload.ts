import { operations } from "../client/src/api/operations.js";
import { DEFAULT_FILTER } from "../server/src/db/claimFilter.js";
import type { Repositories } from "../server/src/graphql/repositories.js";
import type { Random } from "./prng.js";
import type { SyntheticGraph } from "./synthetic.js";
import { isAccepted } from "./topology.js";

export const KIND_NAMES = ["search", "neighborhood", "paths", "activeAt"] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** One query to time both ways: GraphQL variables, and the same repository calls the resolver makes. */
export interface QueryCase {
  variables: Record<string, unknown>;
  /** Runs the resolver's repository calls directly; resolves to the result size. */
  direct(repositories: Repositories): Promise<number>;
}

export interface QueryKind {
  name: KindName;
  /** The client's own operation (client/src/api/operations.ts), with its fragments. */
  document: string;
  sample(random: Random): QueryCase;
}

/** Accepted claims as an out-adjacency list (compressed rows), the edges `paths` follows. */
function acceptedOutEdges(graph: SyntheticGraph): { offsets: Int32Array; targets: Int32Array } {
  const { topology } = graph;
  const offsets = new Int32Array(graph.size.entities + 1);
  for (let i = 0; i < topology.count; i += 1) if (isAccepted(topology, i)) offsets[topology.subject[i]! + 1]! += 1;
  for (let e = 0; e < graph.size.entities; e += 1) offsets[e + 1]! += offsets[e]!;
  const fill = offsets.slice(0, -1);
  const targets = new Int32Array(offsets[graph.size.entities]!);
  for (let i = 0; i < topology.count; i += 1) if (isAccepted(topology, i)) targets[fill[topology.subject[i]!]!++] = topology.object[i]!;
  return { offsets, targets };
}

const unique = (ids: string[]): string[] => [...new Set(ids)];

export function queryKinds(graph: SyntheticGraph): QueryKind[] {
  const entities = graph.entities.records;
  const { offsets, targets } = acceptedOutEdges(graph);
  const starts = entities.map((_, e) => e).filter((e) => offsets[e + 1]! > offsets[e]!);

  /** A pair joined by a directed walk of 2-4 accepted claims, so a path of at most 4 hops exists. */
  function connectedPair(random: Random): [string, string] {
    for (;;) {
      const start = random.pick(starts);
      const steps = 2 + random.int(3);
      const visited = [start];
      let at = start;
      while (visited.length <= steps) {
        const degree = offsets[at + 1]! - offsets[at]!;
        const next = degree > 0 ? targets[offsets[at]! + random.int(degree)]! : -1;
        if (next < 0 || visited.includes(next)) break;
        visited.push(next);
        at = next;
      }
      if (visited.length >= 3) return [entities[start]!.id, entities[at]!.id];
    }
  }

  return [
    {
      name: "search",
      document: operations.searchEntities.toString(),
      sample(random) {
        const name = random.pick(entities).name;
        const text = name.slice(0, Math.min(name.length, 3 + random.int(10))).trim();
        return { variables: { text, first: 10 }, direct: async (r) => (await r.entities.search(text, 10, null)).length };
      },
    },
    {
      name: "neighborhood",
      document: operations.neighborhood.toString(),
      sample(random) {
        const id = random.pick(entities).id;
        return {
          variables: { ids: [id], depth: 2, limit: 500 },
          async direct(r) {
            const result = await r.graph.expand([id], 2, "both", DEFAULT_FILTER, 500);
            const [, claims] = await Promise.all([r.entities.byIds(result.entityIds), r.claims.byIds(result.claimIds, "core")]);
            return claims.length;
          },
        };
      },
    },
    {
      name: "paths",
      document: operations.paths.toString(),
      sample(random) {
        const [from, to] = connectedPair(random);
        return {
          variables: { from, to, maxHops: 4, first: 5 },
          async direct(r) {
            const hits = await r.graph.paths(from, to, 4, 5, DEFAULT_FILTER);
            await r.entities.byIds(unique(hits.flatMap((h) => h.entityIds)));
            await r.claims.byIds(unique(hits.flatMap((h) => h.claimIds)), "full");
            return hits.length;
          },
        };
      },
    },
    {
      name: "activeAt",
      document: operations.activeAt.toString(),
      sample(random) {
        // Log-uniform from 15 min to ~2 weeks after dosing.
        const hours = Math.round(Math.exp(Math.log(0.25) + random.next() * Math.log(400 / 0.25)) * 100) / 100;
        return {
          variables: { hours, first: 200 },
          direct: async (r) => (await r.claims.activeAt(hours, DEFAULT_FILTER, 200, "core")).length,
        };
      },
    },
  ];
}

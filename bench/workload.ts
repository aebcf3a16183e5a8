import { operations } from "../client/src/api/operations.js";
import { luceneQuery } from "../server/src/db/repositories/luceneQuery.js";
import { CAUSAL_PREDICATES } from "../server/src/domain/mechanisms/index.js";
import { LIMIT_QUERIES } from "./limit.js";
import type { Random } from "./prng.js";
import type { SyntheticGraph } from "./synthetic.js";
import { isAccepted, predicateOf } from "./topology.js";

export const KIND_NAMES = ["entity", "search", "neighborhood1", "neighborhood2", "paths", "mechanisms", "activeAt"] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** The three ways a shape is answered: this API, the library a team would pick instead, and the limit. */
export const SIDES = ["mechgraph", "peer", "limit"] as const;
export type Side = (typeof SIDES)[number];

export interface GraphQLRequest {
  document: string;
  variables: Record<string, unknown>;
}

/** One input, asked the three ways. `peer` is null where the library cannot express the shape. */
export interface QueryCase {
  mechgraph: GraphQLRequest;
  peer: GraphQLRequest | null;
  limit: { cypher: string; params: Record<string, unknown> };
}

type Data = Record<string, any>;

export interface QueryKind {
  name: KindName;
  /** What the shape is, for the table's legend. */
  description: string;
  sample(random: Random): QueryCase;
  /** The result size each side returned (claims, hits, paths), to show the three answer alike. */
  size: { mechgraph(data: Data): number; peer(data: Data): number; limit(records: Data[]): number };
  /** Whether mechgraph's answer says it was cut short (a time budget or a claim cap), where it can say so. */
  cutShort?(data: Data): boolean;
}

const ENTITY = "id name kind";
const EDGE = "id predicate strength contestedness status version";
const CLAIMS_PER_ENTITY = 20;
const NEIGHBORHOOD_CAP = 500;
/** The mechanism search's default reach (DESIGN: chains of at least 12 steps). */
const MECHANISM_HOPS = 12;

/** Q1 as mechgraph serves it: an entity page with each claim's evidence and study. */
const ENTITY_PAGE = /* GraphQL */ `
  query BenchEntity($id: ID!, $first: Int) {
    entity(id: $id) {
      ${ENTITY}
      claims(direction: OUTGOING, first: $first) {
        totalCount
        edges { node { id predicate strength object { ${ENTITY} } evidence { id stance quote study { id citation year pmid } } } }
      }
    }
  }`;

/** The peer's queries, in the schema @neo4j/graphql 7 generates from bench/peer/typeDefs.ts. */
const PEER = {
  entity: /* GraphQL */ `
    query PeerEntity($id: ID!, $first: Int) {
      entities(where: { id: { eq: $id } }) {
        ${ENTITY}
        subjectOf(where: { status: { eq: "accepted" } }, sort: [{ id: ASC }], limit: $first) {
          id predicate strength object { ${ENTITY} } evidence { id stance quote study { id citation year pmid } }
        }
        subjectOfConnection(where: { node: { status: { eq: "accepted" } } }) { totalCount }
      }
    }`,
  search: /* GraphQL */ `
    query PeerSearch($phrase: String!, $first: Int) {
      entitySearch(phrase: $phrase, first: $first, sort: [{ score: DESC }]) { edges { score node { ${ENTITY} synonyms } } }
    }`,
  // The library caps each relationship field on its own, so a direction gets up to the cap.
  neighborhood1: /* GraphQL */ `
    query PeerNeighborhood1($id: ID!, $limit: Int) {
      entities(where: { id: { eq: $id } }) {
        ${ENTITY}
        subjectOf(where: { status: { eq: "accepted" } }, sort: [{ strength: DESC }, { id: ASC }], limit: $limit) {
          ${EDGE} onsetHours peakHours endHours subject { ${ENTITY} } object { ${ENTITY} }
        }
        objectOf(where: { status: { eq: "accepted" } }, sort: [{ strength: DESC }, { id: ASC }], limit: $limit) {
          ${EDGE} onsetHours peakHours endHours subject { ${ENTITY} } object { ${ENTITY} }
        }
      }
    }`,
  neighborhood2: /* GraphQL */ `
    query PeerNeighborhood2($id: ID!, $limit: Int!) {
      entities(where: { id: { eq: $id } }) {
        ${ENTITY}
        twoLevelClaims(limit: $limit) { ${EDGE} onsetHours peakHours endHours subject { ${ENTITY} } object { ${ENTITY} } }
      }
    }`,
  activeAt: /* GraphQL */ `
    query PeerActiveAt($hours: Float!, $first: Int) {
      claims(
        where: { status: { eq: "accepted" }, timeOnsetHours: { lte: $hours }, timeEndHours: { gte: $hours } }
        sort: [{ strength: DESC }, { id: ASC }]
        limit: $first
      ) { ${EDGE} onsetHours peakHours endHours subject { ${ENTITY} } object { ${ENTITY} } }
    }`,
};

interface OutEdges {
  offsets: Int32Array;
  targets: Int32Array;
}

/** The claims `keep` admits as an out-adjacency list (compressed rows). */
function outEdges(graph: SyntheticGraph, keep: (claim: number) => boolean): OutEdges {
  const { topology } = graph;
  const offsets = new Int32Array(graph.size.entities + 1);
  for (let i = 0; i < topology.count; i += 1) if (keep(i)) offsets[topology.subject[i]! + 1]! += 1;
  for (let e = 0; e < graph.size.entities; e += 1) offsets[e + 1]! += offsets[e]!;
  const fill = offsets.slice(0, -1);
  const targets = new Int32Array(offsets[graph.size.entities]!);
  for (let i = 0; i < topology.count; i += 1) if (keep(i)) targets[fill[topology.subject[i]!]!++] = topology.object[i]!;
  return { offsets, targets };
}

/** Walks tried for a pair before settling for the longest one found, on a graph too small or sparse for `minSteps`. */
const WALK_ATTEMPTS = 10_000;

/**
 * A pair joined by a simple directed walk of `minSteps` to `maxSteps` edges, so a chain of at
 * most `maxSteps` steps exists between them (often a shorter one, through a hub).
 */
function walkedPair(edges: OutEdges, starts: readonly number[], random: Random, minSteps: number, maxSteps: number): [number, number] {
  const { offsets, targets } = edges;
  if (starts.length === 0) throw new Error("The synthetic graph has no claim to walk along; generate more claims.");
  let longest: number[] = [];
  for (let attempt = 0; attempt < WALK_ATTEMPTS; attempt += 1) {
    const start = random.pick(starts);
    const steps = minSteps + random.int(maxSteps - minSteps + 1);
    const visited = [start];
    let at = start;
    while (visited.length <= steps) {
      const degree = offsets[at + 1]! - offsets[at]!;
      const next = degree > 0 ? targets[offsets[at]! + random.int(degree)]! : -1;
      if (next < 0 || visited.includes(next)) break;
      visited.push(next);
      at = next;
    }
    if (visited.length > minSteps) return [start, at];
    if (visited.length > longest.length) longest = visited;
  }
  return [longest[0]!, longest[longest.length - 1]!];
}

const first = (records: Data[]): Data => records[0] ?? {};
const length = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

export function queryKinds(graph: SyntheticGraph): QueryKind[] {
  const entities = graph.entities.records;
  const { topology } = graph;
  const withOutEdges = (edges: OutEdges) => entities.map((_, e) => e).filter((e) => edges.offsets[e + 1]! > edges.offsets[e]!);
  const accepted = outEdges(graph, (i) => isAccepted(topology, i));
  const causalPredicates = new Set<string>(CAUSAL_PREDICATES);
  const causal = outEdges(graph, (i) => isAccepted(topology, i) && causalPredicates.has(predicateOf(topology, i)));
  const acceptedStarts = withOutEdges(accepted);
  const causalStarts = withOutEdges(causal);
  const entityId = (random: Random): string => random.pick(entities).id;
  const ids = ([from, to]: [number, number]): [string, string] => [entities[from]!.id, entities[to]!.id];

  const neighborhood = (depth: 1 | 2): QueryKind => ({
    name: depth === 1 ? "neighborhood1" : "neighborhood2",
    description: `Q${depth + 2} ${depth}-level neighbourhood of a random entity, cap ${NEIGHBORHOOD_CAP} claims, edge fields`,
    sample(random) {
      const id = entityId(random);
      return {
        mechgraph: { document: operations.neighborhood.toString(), variables: { ids: [id], depth, limit: NEIGHBORHOOD_CAP } },
        peer: { document: PEER[depth === 1 ? "neighborhood1" : "neighborhood2"], variables: { id, limit: NEIGHBORHOOD_CAP } },
        limit: { cypher: LIMIT_QUERIES[depth === 1 ? "neighborhood1" : "neighborhood2"], params: { id, limit: NEIGHBORHOOD_CAP } },
      };
    },
    size: {
      mechgraph: (data) => length(data.neighborhood?.claims),
      peer: (data) =>
        depth === 1
          ? length(data.entities?.[0]?.subjectOf) + length(data.entities?.[0]?.objectOf)
          : length(data.entities?.[0]?.twoLevelClaims),
      limit: (records) => length(first(records).claims),
    },
  });

  return [
    {
      name: "entity",
      description: `Q1 an entity and the first ${CLAIMS_PER_ENTITY} claims it is the subject of, with their evidence and studies`,
      sample(random) {
        const id = entityId(random);
        return {
          mechgraph: { document: ENTITY_PAGE, variables: { id, first: CLAIMS_PER_ENTITY } },
          peer: { document: PEER.entity, variables: { id, first: CLAIMS_PER_ENTITY } },
          limit: { cypher: LIMIT_QUERIES.entity, params: { id, first: CLAIMS_PER_ENTITY } },
        };
      },
      size: {
        mechgraph: (data) => length(data.entity?.claims?.edges),
        peer: (data) => length(data.entities?.[0]?.subjectOf),
        limit: (records) => length(first(records).claims),
      },
    },
    {
      name: "search",
      description: "Q2 search by a name prefix, 10 hits",
      sample(random) {
        const name = random.pick(entities).name;
        const text = name.slice(0, Math.min(name.length, 3 + random.int(10))).trim();
        const query = luceneQuery(text) ?? text;
        return {
          mechgraph: { document: operations.searchEntities.toString(), variables: { text, first: 10 } },
          peer: { document: PEER.search, variables: { phrase: query, first: 10 } },
          limit: { cypher: LIMIT_QUERIES.search, params: { query, text, first: 10 } },
        };
      },
      size: {
        mechgraph: (data) => length(data.search),
        peer: (data) => length(data.entitySearch?.edges),
        limit: (records) => records.length,
      },
    },
    neighborhood(1),
    neighborhood(2),
    {
      name: "paths",
      description: "paths of at most 4 causal claims between two connected entities, best 5",
      sample(random) {
        const [from, to] = ids(walkedPair(accepted, acceptedStarts, random, 2, 4));
        return {
          mechgraph: { document: operations.paths.toString(), variables: { from, to, maxHops: 4, first: 5 } },
          peer: null,
          limit: { cypher: LIMIT_QUERIES.paths, params: { from, to, first: 5, causal: CAUSAL_PREDICATES } },
        };
      },
      size: { mechgraph: (data) => length(data.paths), peer: () => 0, limit: (records) => records.length },
    },
    {
      name: "mechanisms",
      description: `mechanism chains of at most ${MECHANISM_HOPS} causal steps between two entities a causal walk of 6-${MECHANISM_HOPS} claims joins, best 10`,
      sample(random) {
        const [from, to] = ids(walkedPair(causal, causalStarts, random, 6, MECHANISM_HOPS));
        return {
          mechgraph: { document: operations.mechanisms.toString(), variables: { from, to, maxHops: MECHANISM_HOPS, first: 10 } },
          peer: null,
          limit: { cypher: LIMIT_QUERIES.mechanisms, params: { from, to, first: 10, causal: CAUSAL_PREDICATES } },
        };
      },
      size: { mechgraph: (data) => length(data.mechanisms), peer: () => 0, limit: (records) => records.length },
      cutShort: (data) => (data.mechanisms as { complete: boolean }[] | undefined)?.some((chain) => !chain.complete) ?? false,
    },
    {
      name: "activeAt",
      description: "the 200 strongest claims active at a time after dosing, edge fields",
      sample(random) {
        // Log-uniform from 15 min to ~2 weeks after dosing.
        const hours = Math.round(Math.exp(Math.log(0.25) + random.next() * Math.log(400 / 0.25)) * 100) / 100;
        return {
          mechgraph: { document: operations.activeAt.toString(), variables: { hours, first: 200 } },
          peer: { document: PEER.activeAt, variables: { hours, first: 200 } },
          limit: { cypher: LIMIT_QUERIES.activeAt, params: { hours, first: 200 } },
        };
      },
      size: {
        mechgraph: (data) => length(data.activeAt),
        peer: (data) => length(data.claims),
        limit: (records) => records.length,
      },
    },
  ];
}

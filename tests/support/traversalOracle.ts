import { expect } from "vitest";
import type { Database } from "../../server/src/db/index.js";
import { gql } from "./testEnvironment.js";

/** A claim as its ASSERTS relationship carries it. */
export interface OracleEdge {
  id: string;
  s: string;
  o: string;
  strength: number;
  status: string;
}

/** Every ASSERTS relationship in the database, for `traverse` to walk in memory. */
export async function readEdges(db: Database): Promise<OracleEdge[]> {
  return (await db.read(
    `MATCH (s:Entity)-[a:ASSERTS]->(o:Entity) RETURN a.claimId AS id, s.id AS s, o.id AS o, a.strength AS strength, a.status AS status`,
  )) as unknown as OracleEdge[];
}

/** The order a subgraph level ranks claims in: strongest first, then by id. */
export const stronger = (x: OracleEdge, y: OracleEdge) => y.strength - x.strength || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * The subgraph a neighbourhood (`both`) or cascade (`out`, `in`) should return, worked out
 * breadth first in memory: at each level the strongest claims not kept yet, up to `limit` in
 * all; `truncated` when a level had more than the room left.
 */
export function traverse(edges: readonly OracleEdge[], start: string, depth: number, direction: "out" | "in" | "both", limit: number) {
  const seen = new Set([start]);
  const kept: OracleEdge[] = [];
  let frontier = new Set([start]);
  for (let level = 0; level < depth; level += 1) {
    const keptIds = new Set(kept.map((e) => e.id));
    const fresh = edges
      .filter((e) => !keptIds.has(e.id))
      .filter((e) => (direction !== "in" && frontier.has(e.s)) || (direction !== "out" && frontier.has(e.o)))
      .sort(stronger);
    const room = limit - kept.length;
    kept.push(...fresh.slice(0, room));
    if (fresh.length > room) return { claims: kept.map((e) => e.id), entities: seen, truncated: true };
    frontier = new Set(fresh.flatMap((e) => [e.s, e.o]).filter((id) => !seen.has(id)));
    for (const id of frontier) seen.add(id);
  }
  return { claims: kept.map((e) => e.id), entities: seen, truncated: false };
}

/** The GraphQL operation for `traverse`'s direction, with its variables. */
export function subgraphRequest(
  start: string,
  depth: number,
  direction: "out" | "in" | "both",
  limit: number,
  filter: Record<string, unknown> | null,
): [string, Record<string, unknown>] {
  return direction === "both"
    ? [
        `query($id: ID!, $d: Int, $n: Int, $f: ClaimFilter) { n: neighborhood(ids: [$id], depth: $d, limit: $n, filter: $f) { truncated entities { id } claims { id } } }`,
        { id: start, d: depth, n: limit, f: filter },
      ]
    : [
        `query($id: ID!, $dir: CascadeDirection, $d: Int, $n: Int, $f: ClaimFilter) { n: cascade(id: $id, direction: $dir, depth: $d, limit: $n, filter: $f) { truncated entities { id } claims { id } } }`,
        { id: start, dir: direction === "out" ? "DOWNSTREAM" : "UPSTREAM", d: depth, n: limit, f: filter },
      ];
}

/**
 * Filters to check a subgraph with, and which claims each keeps: the default and a minimum
 * strength read the ranked neighbour lists, a filter on more than accepted claims reads every
 * claim of each level's entities.
 */
export const ORACLE_FILTERS: { filter: Record<string, unknown> | null; keeps: (e: OracleEdge) => boolean }[] = [
  { filter: null, keeps: (e) => e.status === "accepted" },
  { filter: { minStrength: 0.4 }, keeps: (e) => e.status === "accepted" && e.strength >= 0.4 },
  { filter: { statuses: ["ACCEPTED", "PROPOSED"] }, keeps: (e) => e.status === "accepted" || e.status === "proposed" },
];

/** Asks the API for a subgraph and checks it holds what `traverse` keeps, in the same order; returns both. */
export async function expectSubgraphAsTraversed(
  url: string,
  edges: readonly OracleEdge[],
  [start, depth, direction, limit]: [string, number, "out" | "in" | "both", number],
  { filter, keeps }: (typeof ORACLE_FILTERS)[number],
) {
  const label = `${JSON.stringify(filter)} ${start} depth ${depth} ${direction} limit ${limit}`;
  const response = await gql(url, ...subgraphRequest(start, depth, direction, limit, filter));
  expect(response.errors, label).toBeUndefined();
  const result = response.data!.n as { truncated: boolean; entities: { id: string }[]; claims: { id: string }[] };
  const expected = traverse(edges.filter(keeps), start, depth, direction, limit);
  expect(
    result.claims.map((c) => c.id),
    label,
  ).toEqual(expected.claims);
  expect(result.truncated, label).toBe(expected.truncated);
  return { label, result, expected, queries: response.extensions?.cypherQueries };
}

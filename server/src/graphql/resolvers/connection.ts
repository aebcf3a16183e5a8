import type { ClaimPage } from "../loaders.js";
import { BadInputError } from "../../errors/index.js";

/** Cursors are opaque to clients: the base64url of the last claim id on the page. */
export const encodeCursor = (claimId: string): string => Buffer.from(claimId, "utf8").toString("base64url");

export function decodeCursor(cursor: string | null): string | null {
  if (cursor === null) return null;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!id || encodeCursor(id) !== cursor) throw new BadInputError([{ path: ["after"], message: "is not a cursor this API issued" }]);
  return id;
}

export function toConnection(page: ClaimPage) {
  const edges = page.claims.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

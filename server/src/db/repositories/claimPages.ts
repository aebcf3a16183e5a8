import type { ClaimShape, ClaimView } from "../../domain/model.js";
import { claimFilterCondition } from "../claimFilter.js";
import { toClaimView } from "../mappers.js";
import { claimProjection } from "./claimProjection.js";

export interface ClaimPage {
  claims: ClaimView[];
  hasNextPage: boolean;
  totalCount: number;
}

/** What one page of an entity's claims is asked with; `after` is the last claim id already seen. */
export interface EntityPageRequest {
  entityId: string;
  direction: "OUTGOING" | "INCOMING" | "BOTH";
  after: string | null;
  first: number;
}

/**
 * One page of claims for each entry `i` of `$requests` (each with `after`, the last claim id
 * already seen, and `first`), ordered by claim id; yields rows of `i, totalCount, claims`.
 * `claimsOfRequest` is fixed text that binds the distinct claims `c` of one request `req`.
 */
const claimPagesPerRequest = (claimsOfRequest: string, shape: ClaimShape): string => /* Cypher */ `
  UNWIND range(0, size($requests) - 1) AS i
  WITH i, $requests[i] AS req
  CALL (req) {
    ${claimsOfRequest}
    WITH c ORDER BY c.id
    WITH collect(c) AS matched
    RETURN size(matched) AS totalCount,
           [x IN matched WHERE req.after IS NULL OR x.id > req.after][0..req.first + 1] AS page
  }
  CALL (page) {
    UNWIND page AS c
    ${claimProjection(shape)}
    RETURN collect(claim) AS claims
  }`;

/**
 * Pages of an entity's claims per EntityPageRequest, as subject, object or both, passing the
 * claim filter (its `$f_` parameters). The page reads and the entity read with its pages both
 * run this text, so a page means the same whichever of them answers it.
 */
export const entityClaimPages = (shape: ClaimShape): string =>
  claimPagesPerRequest(
    /* Cypher */ `OPTIONAL MATCH (e:Entity {id: req.entityId})<-[link:SUBJECT|OBJECT]-(c:Claim)
    WHERE (req.direction = 'BOTH' OR (req.direction = 'OUTGOING') = (type(link) = 'SUBJECT'))
      AND c IS NOT NULL AND ${claimFilterCondition("c")}
    WITH DISTINCT c`,
    shape,
  );

/** Pages of the claims a study's evidence supports, per request `{studyId, stance, after, first}`; a null stance takes every stance. */
export const studyClaimPages = (shape: ClaimShape): string =>
  claimPagesPerRequest(
    /* Cypher */ `OPTIONAL MATCH (:Study {id: req.studyId})<-[:FROM]-(ev:Evidence)<-[:HAS_EVIDENCE]-(c:Claim)
    WHERE req.stance IS NULL OR ev.stance = req.stance
    WITH DISTINCT c WHERE c IS NOT NULL`,
    shape,
  );

/**
 * Pages from rows carrying `claims` and `totalCount`, one per request in order. Pages fetch one
 * claim more than asked for; its presence is what `hasNextPage` reports.
 */
export function toPages(rows: Record<string, unknown>[], requests: readonly { first: number }[]): ClaimPage[] {
  return rows.map((row, index) => {
    const claims = (row.claims as Record<string, unknown>[]).map(toClaimView).sort((a, b) => (a.id < b.id ? -1 : 1));
    const first = requests[index]!.first;
    return { claims: claims.slice(0, first), hasNextPage: claims.length > first, totalCount: row.totalCount as number };
  });
}

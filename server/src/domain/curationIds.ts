import { randomUUID } from "node:crypto";

/**
 * Ids of curated claims and evidence. A proposed claim gets a short random id (48 bits, so
 * collisions are vanishingly rare, and the unique constraint refuses one if it happens);
 * evidence ids number the claim's evidence in order of addition.
 */
export const newClaimId = (): string => `claim:${randomUUID().replace(/-/g, "").slice(0, 12)}`;

export const evidenceId = (claimId: string, n: number): string => `${claimId}#e${n}`;

/** The number after the highest existing `#e<n>` of a claim, counting withdrawn evidence so no id is reused. */
export function nextEvidenceNumber(existingIds: readonly string[]): number {
  const numbers = existingIds.map((id) => Number(/#e(\d+)$/.exec(id)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

import type { GraphQLContext } from "../context.js";
import type { ClaimRecord } from "../../domain/model.js";
import type { HypothesisRecord } from "../../domain/records/hypothesis.js";
import { compareHypotheses, evidenceProfile, type HeldClaim, type HypothesisComparison } from "../../domain/hypotheses/index.js";
import { NotFoundError } from "../../errors/index.js";
import { toPublicEnum } from "../enums.js";
import type { ResolversTypes } from "../resolvers.generated.js";

/**
 * Shapes the domain's profile and comparison for GraphQL. Claims come through the per-request
 * claim loader, so every hypothesis, profile and comparison in one response costs one claim
 * query between them.
 */

const present = <T>(records: readonly (T | Error | null)[]): T[] => records.filter((r): r is T => r !== null && !(r instanceof Error));

/** The hypothesis's claims that exist now, with their roles; a claim removed since is left out. */
export async function heldClaims(context: GraphQLContext, hypothesis: HypothesisRecord): Promise<HeldClaim[]> {
  const claims = await context.loaders.claim.loadMany(hypothesis.claims.map((c) => c.claim));
  return hypothesis.claims.flatMap((ref, i) => {
    const claim = claims[i];
    return claim && !(claim instanceof Error) ? [{ role: ref.role, claim }] : [];
  });
}

const designs = (counts: { design: string; studies: number }[]) =>
  counts.map((c) => ({ design: toPublicEnum(c.design) as ResolversTypes["StudyDesign"], studies: c.studies }));

export async function profileOf(context: GraphQLContext, hypothesis: HypothesisRecord): Promise<ResolversTypes["EvidenceProfile"]> {
  const held = await heldClaims(context, hypothesis);
  const profile = evidenceProfile(held);
  const byId = new Map(held.map((h) => [h.claim.id, h.claim]));
  return {
    ...profile,
    designs: designs(profile.designs),
    stances: profile.stances.map((s) => ({ stance: toPublicEnum(s.stance), studies: s.studies })),
    contestedClaims: profile.contestedClaimIds.map((id) => byId.get(id)!),
  };
}

/** Loads the hypotheses (NOT_FOUND names the first missing id) and their claims, then compares them. */
export async function comparisonOf(context: GraphQLContext, ids: string[]): Promise<ResolversTypes["HypothesisComparison"]> {
  const found = await context.repositories.hypotheses.byIds(ids);
  const missing = ids.find((id) => !found.some((h) => h.id === id));
  if (missing) throw new NotFoundError("Hypothesis", missing);
  const hypotheses = ids.map((id) => found.find((h) => h.id === id)!);
  const held = await Promise.all(hypotheses.map((h) => heldClaims(context, h)));
  const result: HypothesisComparison = compareHypotheses(hypotheses.map((h, i) => ({ id: h.id, name: h.name, claims: held[i]! })));

  const claims = new Map<string, ClaimRecord>(held.flat().map((h) => [h.claim.id, h.claim]));
  const hypothesisById = new Map(hypotheses.map((h) => [h.id, h]));
  const claim = (id: string) => claims.get(id)!;
  return {
    hypotheses,
    sharedClaims: result.sharedClaims.map((s) => ({
      claim: claim(s.claimId),
      hypotheses: s.hypothesisIds,
      roles: s.roles.map(toPublicEnum),
    })),
    columns: result.columns.map((c) => {
      const evidence = new Map(c.contradictingEvidence.map((e) => [e.evidenceId, e]));
      return {
        hypothesis: hypothesisById.get(c.hypothesisId)!,
        uniqueClaims: c.uniqueClaimIds.map(claim),
        strongestLinks: c.strongestClaimIds.map(claim),
        weakestLinks: c.weakestClaimIds.map(claim),
        contradictingEvidence: present(
          [...evidence.values()].map(({ claimId, evidenceId }) => {
            const ev = claim(claimId).evidence.find((item) => item.id === evidenceId);
            return ev ? { claim: claim(claimId), evidence: ev } : null;
          }),
        ),
        studiesByDesign: designs(c.studiesByDesign),
      };
    }),
    differences: result.differences.map((d) => ({
      kind: toPublicEnum(d.kind),
      entity: d.entity,
      root: d.root,
      summary: d.summary,
      sides: d.sides.map((s) => ({
        hypothesis: hypothesisById.get(s.hypothesisId)!,
        effect: s.effect === null ? null : toPublicEnum(s.effect),
        fromHours: s.window?.fromHours ?? null,
        toHours: s.window?.toHours ?? null,
        claims: s.claimIds.map(claim),
        studiesByDesign: designs(s.studiesByDesign),
      })),
    })),
    differencesTruncated: result.differencesTruncated,
  };
}

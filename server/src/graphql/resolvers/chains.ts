import type { GraphQLContext } from "../context.js";
import type { ChainQuery } from "../../db/repositories/graphRepository.js";
import type { ClaimRecord, EntityRecord } from "../../domain/model.js";
import { explainChain, type Chain, type ChainStep, type Sign } from "../../domain/mechanisms/index.js";
import type { PredicateSign, StudyDesign } from "../resolvers.generated.js";
import { toPublicEnum } from "../enums.js";

const PUBLIC_SIGN: Record<Sign, PredicateSign> = { 1: "POSITIVE", [-1]: "NEGATIVE", 0: "NEUTRAL" };

function byId<T extends { id: string }>(records: readonly (T | Error | null)[]): Map<string, T> {
  return new Map(records.flatMap((r) => (r && !(r instanceof Error) ? [[r.id, r] as const] : [])));
}

/**
 * Runs a mechanism search and shapes its chains as `Path`s. Entities and claims of all chains
 * are loaded with one query each (the loaders batch them), whatever the number of chains.
 */
export async function findChains(context: GraphQLContext, query: Omit<ChainQuery, "budgetMs">) {
  const { chains, complete } = await context.repositories.graph.chains({ ...query, budgetMs: context.config.MECHANISM_SEARCH_BUDGET_MS });
  const [entities, claims] = await Promise.all([
    context.loaders.entity.loadMany([...new Set(chains.flatMap((c) => c.entityIds))]),
    context.loaders.claim.loadMany([...new Set(chains.flatMap((c) => c.steps.flatMap((s) => s.claims.map((e) => e.claimId))))]),
  ]);
  const entityById = byId(entities);
  const claimById = byId(claims);
  // A chain whose entity or claim could not be loaded (changed meanwhile) is dropped, not returned with holes.
  return chains.flatMap((chain) => {
    const path = toPath(chain, entityById, claimById, complete);
    return path ? [path] : [];
  });
}

function toPath(chain: Chain, entityById: Map<string, EntityRecord>, claimById: Map<string, ClaimRecord>, complete: boolean) {
  const steps = chain.steps.map((step) => toStep(step, entityById, claimById));
  if (steps.some((s) => s === null)) return null;
  const loaded = steps.filter((s) => s !== null);
  const explanation = explainChain(loaded.map((s) => ({ ...s, fromName: s.from.name, toName: s.to.name })));
  return {
    score: chain.score,
    netSign: PUBLIC_SIGN[chain.netSign],
    entities: [loaded[0]!.from, ...loaded.map((s) => s.to)],
    claims: loaded.map((s) => s.claims[0]!),
    steps: loaded,
    explanation: {
      weakestStep: loaded[explanation.weakestStepIndex]!,
      weakestStepIndex: explanation.weakestStepIndex,
      contestedSteps: explanation.contestedStepIndexes.map((i) => loaded[i]!),
      designs: explanation.designs.map((d) => ({ design: toPublicEnum(d.design) as StudyDesign, studies: d.studies })),
      species: explanation.species,
      summary: explanation.summary,
    },
    complete,
  };
}

function toStep(step: ChainStep, entityById: Map<string, EntityRecord>, claimById: Map<string, ClaimRecord>) {
  const from = entityById.get(step.fromId);
  const to = entityById.get(step.toId);
  const claims = step.claims.map((c) => claimById.get(c.claimId));
  if (!from || !to || claims.some((c) => !c)) return null;
  return {
    from,
    to,
    claims: claims.filter((c) => c !== undefined),
    sign: PUBLIC_SIGN[step.sign],
    strength: step.strength,
    contested: step.contested,
  };
}

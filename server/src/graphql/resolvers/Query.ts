import type { QueryResolvers } from "../resolvers.generated.js";
import { parseArgs } from "../validation/parseArgs.js";
import {
  activeAtArgs,
  cascadeArgs,
  firstArgs,
  idArgs,
  mechanismsArgs,
  neighborhoodArgs,
  pathsArgs,
  searchArgs,
  sourcesArgs,
  studiesArgs,
} from "../validation/queryArgs.js";
import { PREDICATES, PREDICATE_NAMES } from "../../domain/vocabulary.js";
import { biolinkForm } from "../../interop/biolinkMapping.js";
import { primed } from "./subgraph.js";
import { claimShapeOf } from "../selection.js";
import { toPublicEnum } from "../enums.js";
import { findChains } from "./chains.js";
import { entityWithClaims } from "./entityClaims.js";
import { compareHypothesesArgs, hypothesesArgs } from "../validation/hypothesisArgs.js";
import { comparisonOf } from "./hypothesisViews.js";

export const Query: QueryResolvers = {
  viewer: (_, __, { principal }) => (principal ? { name: principal.name, role: toPublicEnum(principal.role) } : null),
  search: async (_, args, { repositories }) => {
    const { text, first, kinds } = parseArgs(searchArgs, args);
    return repositories.entities.search(text, first, kinds ?? null);
  },
  entity: (_, args, context, info) => entityWithClaims(context, parseArgs(idArgs, args).id, info),
  study: (_, args, { loaders }) => loaders.study.load(parseArgs(idArgs, args).id),
  claim: (_, args, { loaders }) => loaders.claim.load(parseArgs(idArgs, args).id),
  studies: async (_, args, { repositories }) => {
    const { text, first, filter } = parseArgs(studiesArgs, args);
    return repositories.studies.search(text ?? null, first, filter);
  },
  neighborhood: async (_, args, context, info) => {
    const { ids, depth, filter, limit } = parseArgs(neighborhoodArgs, args);
    return primed(context, await context.repositories.graph.subgraph(ids, depth, "both", filter, limit, claimShapeOf(info, ["claims"])));
  },
  cascade: async (_, args, context, info) => {
    const { id, direction, depth, filter, limit } = parseArgs(cascadeArgs, args);
    const traversal = direction === "UPSTREAM" ? "in" : "out";
    return primed(
      context,
      await context.repositories.graph.subgraph([id], depth, traversal, filter, limit, claimShapeOf(info, ["claims"])),
    );
  },
  paths: async (_, args, context) => {
    const { from, to, through, ...rest } = parseArgs(pathsArgs, args);
    return findChains(context, { ...rest, fromId: from, toId: to, toKinds: [], throughId: through });
  },
  mechanisms: async (_, args, context) => {
    const { from, to, ...rest } = parseArgs(mechanismsArgs, args);
    return findChains(context, { ...rest, fromId: from, toId: to, throughId: null });
  },
  activeAt: async (_, args, { repositories }, info) => {
    const { hours, filter, first } = parseArgs(activeAtArgs, args);
    return repositories.claims.activeAt(hours, filter, first, claimShapeOf(info));
  },
  contradictions: async (_, args, { repositories }, info) =>
    repositories.claims.contradictions(parseArgs(firstArgs(200, 20), args).first, claimShapeOf(info)),
  reviewQueue: async (_, args, { repositories }, info) =>
    repositories.claims.reviewQueue(parseArgs(firstArgs(200, 50), args).first, claimShapeOf(info)),
  stats: (_, __, { repositories }) => repositories.claims.stats(),
  hypotheses: async (_, args, { repositories }) => {
    const { reviewStatuses, first } = parseArgs(hypothesesArgs, args);
    return repositories.hypotheses.list(reviewStatuses, first);
  },
  hypothesis: async (_, args, { repositories }) => (await repositories.hypotheses.byIds([parseArgs(idArgs, args).id]))[0] ?? null,
  compareHypotheses: async (_, args, context) => comparisonOf(context, parseArgs(compareHypothesesArgs, args).ids),
  sources: async (_, args, { repositories }) => {
    const { statuses, first } = parseArgs(sourcesArgs, args);
    return repositories.sources.list(statuses, first);
  },
  source: (_, args, { loaders }) => loaders.source.load(parseArgs(idArgs, args).id),
  predicates: () =>
    PREDICATE_NAMES.map((predicate) => ({
      predicate: toPublicEnum(predicate),
      sign: toPublicEnum(PREDICATES[predicate].sign),
      label: PREDICATES[predicate].label,
      biolink: biolinkForm(predicate),
    })),
};

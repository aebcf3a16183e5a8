import type DataLoader from "dataloader";
import type { MutationResolvers } from "../resolvers.generated.js";
import type { GraphQLContext } from "../context.js";
import { requireRole } from "../../auth/authorize.js";
import { parseArgs } from "../validation/parseArgs.js";
import {
  addEvidenceArgs,
  createEntityArgs,
  createStudyArgs,
  proposeClaimArgs,
  registerSourceArgs,
  retractClaimArgs,
  reviewSourceArgs,
  reviewClaimArgs,
  revertArgs,
  updateEntityArgs,
  updateStudyArgs,
} from "../validation/mutationArgs.js";
import { proposalNoteArgs, proposeHypothesisArgs, reviewHypothesisArgs, updateHypothesisArgs } from "../validation/hypothesisArgs.js";

/**
 * Curation. Each resolver checks the role first (so an anonymous or under-privileged call
 * learns nothing about its input), validates the arguments, then makes one repository call:
 * one write transaction. What it returns is read inside that transaction and replaces
 * anything this request's loaders held for the record, history included.
 */
function fresh<R extends { id: string }>(context: GraphQLContext, loader: DataLoader<string, R | null>, record: R): R {
  loader.clear(record.id).prime(record.id, record);
  for (const stale of [context.loaders.history, context.loaders.claimEvidence]) stale.clear(record.id);
  return record;
}

export const Mutation: MutationResolvers = {
  createEntity: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "createEntity").name;
    const { input } = parseArgs(createEntityArgs, args);
    return fresh(context, context.loaders.entity, await context.repositories.curation.createEntity(input, actor));
  },
  updateEntity: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "updateEntity").name;
    const { id, expectedVersion, patch } = parseArgs(updateEntityArgs, args);
    return fresh(context, context.loaders.entity, await context.repositories.curation.updateEntity(id, expectedVersion, patch, actor));
  },
  createStudy: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "createStudy").name;
    const { input } = parseArgs(createStudyArgs, args);
    return fresh(context, context.loaders.study, await context.repositories.curation.createStudy(input, actor));
  },
  updateStudy: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "updateStudy").name;
    const { id, expectedVersion, patch } = parseArgs(updateStudyArgs, args);
    return fresh(context, context.loaders.study, await context.repositories.curation.updateStudy(id, expectedVersion, patch, actor));
  },
  proposeClaim: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "proposeClaim").name;
    const { proposal, note } = parseArgs(proposeClaimArgs, args).input;
    return fresh(context, context.loaders.claim, await context.repositories.curation.proposeClaim(proposal, actor, note));
  },
  addEvidence: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "addEvidence").name;
    const { claimId, evidence } = parseArgs(addEvidenceArgs, args);
    return fresh(context, context.loaders.claim, await context.repositories.curation.addEvidence(claimId, evidence, actor));
  },
  reviewClaim: async (_, args, context) => {
    const actor = requireRole(context.principal, "reviewer", "reviewClaim").name;
    const { id, expectedVersion, decision, note } = parseArgs(reviewClaimArgs, args);
    const claim = await context.repositories.curation.reviewClaim(
      id,
      expectedVersion,
      decision,
      note,
      actor,
      context.config.ALLOW_SELF_REVIEW,
    );
    return fresh(context, context.loaders.claim, claim);
  },
  retractClaim: async (_, args, context) => {
    const actor = requireRole(context.principal, "reviewer", "retractClaim").name;
    const { id, expectedVersion, note } = parseArgs(retractClaimArgs, args);
    return fresh(context, context.loaders.claim, await context.repositories.curation.retractClaim(id, expectedVersion, note, actor));
  },
  proposeHypothesis: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "proposeHypothesis").name;
    const fields = parseArgs(proposeHypothesisArgs, args).input;
    const { note } = parseArgs(proposalNoteArgs, args).input;
    return context.repositories.hypotheses.propose(fields, actor, note);
  },
  updateHypothesis: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "updateHypothesis").name;
    const { id, expectedVersion, patch, note } = parseArgs(updateHypothesisArgs, args);
    const hypothesis = await context.repositories.hypotheses.update(id, expectedVersion, patch, actor, note);
    context.loaders.history.clear(id);
    return hypothesis;
  },
  reviewHypothesis: async (_, args, context) => {
    const actor = requireRole(context.principal, "reviewer", "reviewHypothesis").name;
    const { id, expectedVersion, decision, note } = parseArgs(reviewHypothesisArgs, args);
    const hypothesis = await context.repositories.hypotheses.review(
      id,
      expectedVersion,
      decision,
      note,
      actor,
      context.config.ALLOW_SELF_REVIEW,
    );
    context.loaders.history.clear(id);
    return hypothesis;
  },
  registerSource: async (_, args, context) => {
    const actor = requireRole(context.principal, "curator", "registerSource").name;
    const { input } = parseArgs(registerSourceArgs, args);
    return fresh(context, context.loaders.source, await context.repositories.curation.registerSource(input, actor));
  },
  reviewSource: async (_, args, context) => {
    const actor = requireRole(context.principal, "reviewer", "reviewSource").name;
    const { id, decision, note } = parseArgs(reviewSourceArgs, args);
    const source = await context.repositories.curation.reviewSource(id, decision, note, actor, context.config.ALLOW_SELF_REVIEW);
    return fresh(context, context.loaders.source, source);
  },
  revert: async (_, args, context) => {
    const actor = requireRole(context.principal, "reviewer", "revert").name;
    const { id, toVersion, expectedVersion, note } = parseArgs(revertArgs, args);
    // Hypotheses keep their own storage; their ids say which they are (hypothesis:...).
    const change = id.startsWith("hypothesis:")
      ? await context.repositories.hypotheses.revert(id, toVersion, expectedVersion, note, actor)
      : await context.repositories.curation.revert(id, toVersion, expectedVersion, note, actor);
    const { entity, study, claim, claimEvidence, history } = context.loaders;
    for (const loader of [entity, study, claim, claimEvidence, history]) loader.clear(id);
    return change;
  },
};

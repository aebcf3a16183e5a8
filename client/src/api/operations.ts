import * as D from "./generated/graphql.js";

/**
 * Every operation the client sends, keyed by the API facade method that sends it. The
 * documents are written in `documents/*.graphql`; codegen's client preset turns each into a
 * typed document (its text with exactly the fragments it uses, its result and variable types,
 * and its name and kind in `__meta__`). A new operation is a `.graphql` document, `npm run
 * codegen`, and one line here; the facade then has a method for it.
 */
export const operations = {
  searchEntities: D.SearchEntitiesDocument,
  neighborhood: D.NeighborhoodDocument,
  paths: D.PathsDocument,
  mechanisms: D.MechanismsDocument,
  activeAt: D.ActiveAtDocument,
  claimDetail: D.ClaimDetailDocument,
  claimHistory: D.ClaimHistoryDocument,
  contradictions: D.ContradictionsDocument,
  entityDetail: D.EntityDetailDocument,
  studySearch: D.StudySearchDocument,
  predicates: D.PredicatesDocument,
  viewer: D.ViewerDocument,
  stats: D.StatsDocument,
  reviewQueue: D.ReviewQueueDocument,
  proposeClaim: D.ProposeClaimDocument,
  addEvidence: D.AddEvidenceDocument,
  reviewClaim: D.ReviewClaimDocument,
  createStudy: D.CreateStudyDocument,
  registerSource: D.RegisterSourceDocument,
  hypothesisList: D.HypothesisListDocument,
  compareHypotheses: D.CompareHypothesesDocument,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

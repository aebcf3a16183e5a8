import fragmentsText from "./documents/fragments.graphql?raw";
import searchText from "./documents/search.graphql?raw";
import neighborhoodText from "./documents/neighborhood.graphql?raw";
import pathsText from "./documents/paths.graphql?raw";
import mechanismsText from "./documents/mechanisms.graphql?raw";
import activeAtText from "./documents/activeAt.graphql?raw";
import claimText from "./documents/claim.graphql?raw";
import entityText from "./documents/entity.graphql?raw";
import studiesText from "./documents/studies.graphql?raw";
import metaText from "./documents/meta.graphql?raw";
import curationText from "./documents/curation.graphql?raw";
import hypothesesText from "./documents/hypotheses.graphql?raw";
import { loadOperations, operation } from "./documentLoader.js";
import type * as T from "./operations.generated.js";

/**
 * Every operation the client sends, typed by the generated file. The documents themselves
 * live in `documents/*.graphql`, where codegen reads them.
 */
const documents = new Map<string, string>(
  [
    searchText,
    neighborhoodText,
    pathsText,
    mechanismsText,
    activeAtText,
    claimText,
    entityText,
    studiesText,
    metaText,
    curationText,
    hypothesesText,
  ].flatMap((text) => [...loadOperations(text, fragmentsText)]),
);

export const SearchEntities = operation<T.SearchEntitiesQuery, T.SearchEntitiesQueryVariables>(documents, "SearchEntities");
export const Neighborhood = operation<T.NeighborhoodQuery, T.NeighborhoodQueryVariables>(documents, "Neighborhood");
export const Paths = operation<T.PathsQuery, T.PathsQueryVariables>(documents, "Paths");
export const Mechanisms = operation<T.MechanismsQuery, T.MechanismsQueryVariables>(documents, "Mechanisms");
export const ActiveAt = operation<T.ActiveAtQuery, T.ActiveAtQueryVariables>(documents, "ActiveAt");
export const ClaimDetail = operation<T.ClaimDetailQuery, T.ClaimDetailQueryVariables>(documents, "ClaimDetail");
export const ClaimHistory = operation<T.ClaimHistoryQuery, T.ClaimHistoryQueryVariables>(documents, "ClaimHistory");
export const EntityDetail = operation<T.EntityDetailQuery, T.EntityDetailQueryVariables>(documents, "EntityDetail");
export const StudySearch = operation<T.StudySearchQuery, T.StudySearchQueryVariables>(documents, "StudySearch");
export const Predicates = operation<T.PredicatesQuery, T.PredicatesQueryVariables>(documents, "Predicates");
export const Viewer = operation<T.ViewerQuery, T.ViewerQueryVariables>(documents, "Viewer");
export const Stats = operation<T.StatsQuery, T.StatsQueryVariables>(documents, "Stats");
export const ReviewQueue = operation<T.ReviewQueueQuery, T.ReviewQueueQueryVariables>(documents, "ReviewQueue");
export const ProposeClaim = operation<T.ProposeClaimMutation, T.ProposeClaimMutationVariables>(documents, "ProposeClaim");
export const AddEvidence = operation<T.AddEvidenceMutation, T.AddEvidenceMutationVariables>(documents, "AddEvidence");
export const ReviewClaim = operation<T.ReviewClaimMutation, T.ReviewClaimMutationVariables>(documents, "ReviewClaim");
export const HypothesisList = operation<T.HypothesisListQuery, T.HypothesisListQueryVariables>(documents, "HypothesisList");
export const CompareHypotheses = operation<T.CompareHypothesesQuery, T.CompareHypothesesQueryVariables>(documents, "CompareHypotheses");

export { compareHypotheses, MAX_COMPARED, MIN_COMPARED, LINKS_SHOWN, MAX_DIFFERENCES_PER_PAIR } from "./comparison.js";
export type {
  ComparedHypothesis,
  ComparisonColumn,
  DifferenceKind,
  DifferenceSide,
  HypothesisComparison,
  HypothesisDifference,
  SharedClaim,
} from "./comparison.js";
export { evidenceProfile, type EvidenceProfile, type HeldClaim } from "./profile.js";
export { predictions, type PredictedEffect } from "./predictions.js";
export { TIME_PHASES, claimWindow } from "./timeCourse.js";

import { NON_CAUSAL_KINDS } from "./assertionKinds.js";
import { CAUSAL_ACCEPTANCE_PREDICATES, type AssertionKind, type Predicate, type Stance } from "./vocabulary.js";

/**
 * The causal-acceptance rule: a claim that one thing causes, increases, inhibits, improves ...
 * another may be accepted only when some supporting evidence is more than a hypothesis or an
 * observed association. Such a claim is stated as associated_with, or stays proposed, until
 * an experiment (or a review's own statement of one) supports it.
 *
 * Returns why `claim` may not be accepted, or null when it may.
 */
export function causalAcceptanceProblem(
  claimId: string,
  predicate: Predicate,
  evidence: readonly { stance: Stance; kind: AssertionKind }[],
): string | null {
  if (!(CAUSAL_ACCEPTANCE_PREDICATES as readonly string[]).includes(predicate)) return null;
  const supporting = evidence.filter((e) => e.stance === "supports");
  if (supporting.length === 0 || supporting.some((e) => !NON_CAUSAL_KINDS.includes(e.kind))) return null;
  const kinds = [...new Set(supporting.map((e) => e.kind))].join(" and ");
  return (
    `claim ${claimId} cannot be accepted: its predicate ${predicate} is causal, but its supporting evidence is only ${kinds}; ` +
    `state it as associated_with, or leave it proposed until experimental evidence supports it`
  );
}

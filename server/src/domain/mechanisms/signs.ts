import type { Predicate } from "../vocabulary.js";

/** A step's or chain's direction of influence: +1 raises, -1 lowers, 0 says nothing about direction. */
export type Sign = 1 | -1 | 0;

/**
 * How each predicate composes along a chain. Mostly the vocabulary's own sign, with two
 * readings spelled out:
 * - `required_for` is +: if A is required for B, losing A loses B, so a change in A moves B the
 *   same way. It states necessity, not sufficiency, so "ketamine inhibits HCN, HCN is required
 *   for the response" composes to − (ketamine takes away something the response needs).
 * - `metabolized_to` is +: more of the parent compound yields more of its metabolite.
 * Associations, part-of and located-in carry no direction and make a chain unsigned.
 */
export const COMPOSITION_SIGN: Record<Predicate, Sign> = {
  activates: 1,
  increases: 1,
  improves: 1,
  causes: 1,
  required_for: 1,
  metabolized_to: 1,
  inhibits: -1,
  decreases: -1,
  worsens: -1,
  associated_with: 0,
  located_in: 0,
  part_of: 0,
};

/** Predicates that carry causal influence: the only ones a mechanism search follows by default. */
export const CAUSAL_PREDICATES = (Object.keys(COMPOSITION_SIGN) as Predicate[]).filter(
  (p) => !["associated_with", "located_in", "part_of"].includes(p),
);

/**
 * The sign of one step from all the claims between its two entities: the signed claims decide
 * (an association beside them adds no direction); signed claims that disagree leave the step
 * unsigned, as does a step of unsigned claims only.
 */
export function stepSign(predicates: readonly Predicate[]): Sign {
  const signs = new Set(predicates.map((p) => COMPOSITION_SIGN[p]).filter((s) => s !== 0));
  if (signs.size !== 1) return 0;
  return [...signs][0]!;
}

/** The product of the step signs: two inhibitions make an activation; any unsigned step makes the chain unsigned. */
export function netSign(stepSigns: readonly Sign[]): Sign {
  return stepSigns.reduce<Sign>((product, s) => (product * s) as Sign, 1);
}

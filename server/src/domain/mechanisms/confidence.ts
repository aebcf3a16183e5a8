/**
 * Chain confidence: the geometric mean of the step strengths times a mild penalty per extra
 * step. The geometric mean judges a chain by how well its typical step is supported, so ten
 * steps at 0.6 (0.6 × 0.97⁹ ≈ 0.46) outrank one step at 0.3, where a bare product
 * (0.6¹⁰ ≈ 0.006) would drown every long chain. The penalty keeps a detour from tying with
 * the direct route it elaborates. A step with strength 0 makes the chain 0.
 * Worked example in docs/mechanisms.md.
 */
export const CHAIN_CONFIDENCE = {
  /** Factor per step beyond the first. */
  lengthPenalty: 0.97,
} as const;

/** A step is as strong as its strongest claim: parallel claims often share their evidence, so they are not added up. */
export function stepStrength(claimStrengths: readonly number[]): number {
  return claimStrengths.reduce((best, s) => Math.max(best, s), 0);
}

/** Confidence from the sum of the logs of `steps` step strengths (how the search accumulates it). */
export function confidenceFromLogs(logSum: number, steps: number): number {
  if (steps === 0 || logSum === -Infinity) return 0;
  return Math.exp(logSum / steps) * CHAIN_CONFIDENCE.lengthPenalty ** (steps - 1);
}

export function chainConfidence(stepStrengths: readonly number[]): number {
  return confidenceFromLogs(
    stepStrengths.reduce((sum, s) => sum + Math.log(s), 0),
    stepStrengths.length,
  );
}

import type { StudyDesign } from "../vocabulary.js";

/** What the explanation reads from a claim: its strength and the studies behind it. */
export interface ExplainedClaim {
  strength: number;
  evidence: readonly { study: { id: string; design: StudyDesign; species: string | null } }[];
}

export interface ExplainedStep {
  fromName: string;
  toName: string;
  strength: number;
  contested: boolean;
  claims: readonly ExplainedClaim[];
}

export interface ChainExplanation {
  /** Index of the step with the lowest strength (the first of several equally weak ones). */
  weakestStepIndex: number;
  contestedStepIndexes: number[];
  /** Distinct studies behind the chain's claims, per design and per species, most first. */
  designs: { design: StudyDesign; studies: number }[];
  species: { species: string; studies: number }[];
  summary: string;
}

function countBy<K extends string>(keys: Iterable<K>): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const listed = (items: { key: string; count: number }[]) => items.map((i) => `${i.key.replaceAll("_", " ")} ${i.count}`).join(", ");

/** Why a chain scored as it did: the step it hangs on, the kind of evidence behind it, and where that evidence is disputed. */
export function explainChain(steps: readonly ExplainedStep[]): ChainExplanation {
  if (steps.length === 0) throw new RangeError("a chain has at least one step");
  const weakestStepIndex = steps.reduce((weakest, step, i) => (step.strength < steps[weakest]!.strength ? i : weakest), 0);
  const weakest = steps[weakestStepIndex]!;
  const equallyWeak = steps.filter((s) => s.strength === weakest.strength).length - 1;
  const contestedStepIndexes = steps.flatMap((step, i) => (step.contested ? [i] : []));

  const studies = new Map<string, { design: StudyDesign; species: string | null }>();
  for (const step of steps) for (const claim of step.claims) for (const ev of claim.evidence) studies.set(ev.study.id, ev.study);
  const designs = countBy([...studies.values()].map((s) => s.design));
  const species = countBy([...studies.values()].flatMap((s) => (s.species?.trim() ? [s.species.trim().toLowerCase()] : [])));

  const parts = [
    `Weakest step: ${weakest.fromName} → ${weakest.toName} (strength ${weakest.strength.toFixed(3)}` +
      (equallyWeak > 0 ? `; ${equallyWeak} other step${equallyWeak === 1 ? "" : "s"} as weak)` : ")") +
      ".",
    `Evidence from ${studies.size} ${studies.size === 1 ? "study" : "studies"}` +
      (designs.length > 0 ? `: ${listed(designs)}` : "") +
      (species.length > 0 ? `; species: ${listed(species)}` : "") +
      ".",
    contestedStepIndexes.length === 0
      ? "No contested step."
      : `Contested: ${contestedStepIndexes.map((i) => `${steps[i]!.fromName} → ${steps[i]!.toName}`).join("; ")}.`,
  ];
  return {
    weakestStepIndex,
    contestedStepIndexes,
    designs: designs.map(({ key, count }) => ({ design: key, studies: count })),
    species: species.map(({ key, count }) => ({ species: key, studies: count })),
    summary: parts.join(" "),
  };
}

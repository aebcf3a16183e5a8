import type { DerivingEvidence } from "./claimDerived.js";
import type { StudyDesign } from "./vocabulary.js";

type Props = Record<string, unknown>;

/**
 * What the claim derivation needs from one stored evidence item (storedProps.evidenceProps)
 * and its study: the seed loader and curation read stored properties the same way.
 */
export function derivingEvidence(
  ev: Props,
  study: { id: string; design: StudyDesign; species?: string | null; n?: number | null },
): DerivingEvidence {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    stance: ev.stance as DerivingEvidence["stance"],
    disputed: ev.disputed === true,
    n: num(ev.n),
    study: { id: study.id, design: study.design, species: study.species ?? null, n: study.n ?? null },
    assertionKind: str(ev.assertionKind) as DerivingEvidence["assertionKind"],
    reportedIn: str(ev.reportedIn),
    species: str(ev.species),
    doseKey: str(ev.doseKey),
    timepointLow: num(ev.timepointLow),
    timepointHigh: num(ev.timepointHigh),
    effectSize: num(ev.effectSize),
  };
}

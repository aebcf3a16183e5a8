import type { SeedClaim, SeedEntity, SeedEvidence, SeedStudy } from "../server/src/seed/seedFormat.js";
import { PREDICATES } from "../server/src/domain/vocabulary.js";
import { normalizeSpecies } from "../server/src/domain/claimDerived.js";
import { Random, type ZipfSampler } from "./prng.js";
import { CONTEXT_SHARES, DISPUTED_SHARE, EVIDENCE_PER_CLAIM, EVIDENCE_SHARES, REGIONS_PER_CLAIM, STANCES } from "./shape.js";
import { predicateOf, statusOf, type Topology } from "./topology.js";

const SETTINGS = [
  "in the prefrontal cortex of stressed rats",
  "within 24 hours of a single infusion",
  "in patients with treatment-resistant depression",
  "and the effect was blocked by pretreatment",
  "in a randomized, placebo-controlled crossover design",
  "lasting up to one week after dosing",
  "in mice exposed to chronic social defeat",
  "with a moderate to large effect size",
];
const TIMEPOINTS = ["40 min", "2 h", "24 h", "72 h", "7 days", "2 weeks"];

export interface ClaimSources {
  topology: Topology;
  entities: readonly SeedEntity[];
  studies: readonly SeedStudy[];
  studySampler: ZipfSampler;
  /** Entity indexes of brain regions and a sampler over them. */
  regions: readonly number[];
  regionSampler: ZipfSampler;
  seed: number;
}

const sentence = (text: string): string => text[0]!.toUpperCase() + text.slice(1);

/**
 * Claim `i` with its text, context and 1-3 evidence items. Each claim draws from its own
 * PRNG stream, so any batch can be produced alone and always comes out the same.
 */
export function expandClaim(sources: ClaimSources, i: number): SeedClaim {
  const { topology, entities, studies } = sources;
  const random = new Random(sources.seed * 2_654_435_761 + i);
  const subject = entities[topology.subject[i]!]!;
  const object = entities[topology.object[i]!]!;
  const predicate = predicateOf(topology, i);
  const chosen = new Set<number>();
  const evidenceCount = Number(random.weighted(EVIDENCE_PER_CLAIM));
  for (let attempt = 0; chosen.size < evidenceCount && attempt < 10; attempt += 1) chosen.add(sources.studySampler.sample(random));
  const evidence = [...chosen].map((studyIndex): SeedEvidence => {
    const study = studies[studyIndex]!;
    const disputed = random.chance(DISPUTED_SHARE);
    return {
      study: study.id,
      stance: random.weighted(STANCES),
      quote: sentence(`${subject.name} ${PREDICATES[predicate].label} ${object.name} ${random.pick(SETTINGS)}.`),
      disputed,
      ...(disputed && { disputeNote: "The cited study reports a smaller effect than the source states (synthetic)." }),
      ...(random.chance(EVIDENCE_SHARES.note) && { note: `Evidence ${studyIndex} for a synthetic claim.` }),
      ...(random.chance(EVIDENCE_SHARES.n) && { n: study.n ?? 5 + random.int(60) }),
      ...(random.chance(EVIDENCE_SHARES.timepoint) && { timepoint: random.pick(TIMEPOINTS) }),
    };
  });
  const species = [...new Set([...chosen].map((s) => normalizeSpecies(studies[s]!.species)).filter((s): s is string => s !== null))];
  const regionCount = Number(random.weighted(REGIONS_PER_CLAIM));
  const regions = [
    ...new Set(Array.from({ length: regionCount }, () => entities[sources.regions[sources.regionSampler.sample(random)]!]!.id)),
  ];
  const onset = topology.onset[i]!;
  const end = topology.end[i]!;
  const peak = topology.peak[i]!;
  return {
    id: `claim:bench-${i}`,
    subject: subject.id,
    predicate,
    object: object.id,
    status: statusOf(topology, i),
    context: {
      regions,
      species,
      ...(random.chance(CONTEXT_SHARES.dose) && { dose: "single infusion, 0.5 mg/kg IV over 40 min" }),
      ...(random.chance(CONTEXT_SHARES.sex) && { sex: random.pick(["male", "female", "male and female"]) }),
      ...(random.chance(CONTEXT_SHARES.note) && { note: "Synthetic claim generated for benchmarks." }),
      ...(!Number.isNaN(onset) && { onsetHours: onset }),
      ...(!Number.isNaN(end) && { endHours: end }),
      ...(!Number.isNaN(peak) && { peakHours: peak }),
    },
    evidence,
  };
}

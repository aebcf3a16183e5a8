import {
  CLAIM_STATUSES as STATUS_NAMES,
  PREDICATE_NAMES,
  type ClaimStatus,
  type EntityKind,
  type Predicate,
} from "../server/src/domain/vocabulary.js";
import { Random, ZipfSampler } from "./prng.js";
import { CLAIM_STATUSES, DEGREE_EXPONENT, END_HOURS, KIND_PAIRS, ONSET_HOURS, PEAK_SHARE, TIMED_SHARE } from "./shape.js";

/**
 * The structure of the claims, in flat arrays: who links to whom, how, with what status and
 * time window. Text and evidence are filled in per batch from this (see claims.ts).
 */
export interface Topology {
  count: number;
  subject: Int32Array;
  object: Int32Array;
  /** Index into PREDICATE_NAMES. */
  predicate: Uint8Array;
  /** Index into CLAIM_STATUSES (the domain's). */
  status: Uint8Array;
  /** Hours after dosing; NaN where the claim has no time window. */
  onset: Float64Array;
  end: Float64Array;
  peak: Float64Array;
}

export const predicateOf = (topology: Topology, i: number): Predicate => PREDICATE_NAMES[topology.predicate[i]!]!;
export const statusOf = (topology: Topology, i: number): ClaimStatus => STATUS_NAMES[topology.status[i]!]!;
export const isAccepted = (topology: Topology, i: number): boolean => statusOf(topology, i) === "accepted";

const hours = (key: string): number => (key === "none" ? NaN : Number(key));

/**
 * Draws `count` claims between the entities of `byKind`: the kind pair and predicate in the
 * seed's proportions, each endpoint from a Zipf sampler over its kind (so degrees follow a
 * power law), no self-loops and, where avoidable, no second claim on the same pair.
 */
export function generateTopology(
  count: number,
  byKind: Record<EntityKind, readonly number[]>,
  entityCount: number,
  random: Random,
): Topology {
  const samplers = Object.fromEntries(
    (Object.keys(byKind) as EntityKind[]).map((kind) => [kind, new ZipfSampler(byKind[kind].length, DEGREE_EXPONENT, random)]),
  ) as Record<EntityKind, ZipfSampler>;
  const pairWeights = KIND_PAIRS.map((p) => p.weight);
  const statusIndex = Object.fromEntries(STATUS_NAMES.map((s, i) => [s, i])) as Record<string, number>;
  const topology: Topology = {
    count,
    subject: new Int32Array(count),
    object: new Int32Array(count),
    predicate: new Uint8Array(count),
    status: new Uint8Array(count),
    onset: new Float64Array(count).fill(NaN),
    end: new Float64Array(count).fill(NaN),
    peak: new Float64Array(count).fill(NaN),
  };
  const pairs = new Set<number>();
  for (let i = 0; i < count; i += 1) {
    const pair = KIND_PAIRS[random.index(pairWeights)]!;
    let s = 0;
    let o = 0;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      s = byKind[pair.subject][samplers[pair.subject].sample(random)]!;
      o = byKind[pair.object][samplers[pair.object].sample(random)]!;
      if (s !== o && !pairs.has(s * entityCount + o)) break;
    }
    if (s === o) o = byKind[pair.object][(byKind[pair.object].indexOf(s) + 1) % byKind[pair.object].length]!;
    pairs.add(s * entityCount + o);
    topology.subject[i] = s;
    topology.object[i] = o;
    topology.predicate[i] = PREDICATE_NAMES.indexOf(random.weighted(pair.predicates));
    topology.status[i] = statusIndex[random.weighted(CLAIM_STATUSES)]!;
    if (random.chance(TIMED_SHARE)) {
      const onset = hours(random.weighted(ONSET_HOURS));
      const end = hours(random.weighted(END_HOURS));
      topology.onset[i] = onset;
      if (end > onset) topology.end[i] = end;
      if (end > onset && random.chance(PEAK_SHARE)) topology.peak[i] = onset + (end - onset) * 0.25;
    }
  }
  return topology;
}

import type { SeedClaim, SeedStudy } from "../server/src/seed/seedFormat.js";
import { Random, ZipfSampler } from "./prng.js";
import { expandClaim, type ClaimSources } from "./claims.js";
import { generateEntities, generateStudies, type EntityTable } from "./records.js";
import { DEGREE_EXPONENT, STUDIES_PER_CLAIM, STUDY_CITATION_EXPONENT } from "./shape.js";
import { generateTopology, type Topology } from "./topology.js";

export interface GraphSize {
  entities: number;
  claims: number;
}

/** A synthetic graph in the shape of graph-seed/: records up front, claims produced per batch. */
export interface SyntheticGraph {
  size: GraphSize & { studies: number };
  entities: EntityTable;
  studies: SeedStudy[];
  topology: Topology;
  /** Claims [start, end) with their evidence; the same on every call. */
  claims(start: number, end: number): SeedClaim[];
}

/** Fixed, so two runs of the same size build the same graph. */
export const GRAPH_SEED = 0x6d656368;

export function synthesize(size: GraphSize, seed = GRAPH_SEED): SyntheticGraph {
  const entities = generateEntities(size.entities, new Random(seed + 1));
  const studyCount = Math.max(10, Math.round(size.claims * STUDIES_PER_CLAIM));
  const studies = generateStudies(studyCount, new Random(seed + 2));
  const topologyRandom = new Random(seed + 3);
  const topology = generateTopology(size.claims, entities.byKind, size.entities, topologyRandom);
  const sources: ClaimSources = {
    topology,
    entities: entities.records,
    studies,
    studySampler: new ZipfSampler(studies.length, STUDY_CITATION_EXPONENT, topologyRandom),
    regions: entities.byKind.brain_region,
    regionSampler: new ZipfSampler(entities.byKind.brain_region.length, DEGREE_EXPONENT, topologyRandom),
    seed,
  };
  return {
    size: { ...size, studies: studyCount },
    entities,
    studies,
    topology,
    claims: (start, end) =>
      Array.from({ length: Math.max(0, Math.min(end, size.claims) - start) }, (_, k) => expandClaim(sources, start + k)),
  };
}

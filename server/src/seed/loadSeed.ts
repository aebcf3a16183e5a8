import type { Database } from "../db/index.js";
import { SeedRepository, type SeedRows } from "../db/repositories/seedRepository.js";
import { HypothesisRepository } from "../db/repositories/hypothesisRepository.js";
import { formatCitation } from "../domain/citation.js";
import { claimTripleKey } from "../domain/claimIdentity.js";
import { deriveClaim } from "../domain/claimDerived.js";
import type { SeedGraph } from "./seedFormat.js";

export interface SeedCounts {
  entities: number;
  studies: number;
  claims: number;
  evidence: number;
  hypotheses?: number;
}

const BATCH_SIZE = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Drops undefined values: Neo4j properties cannot hold them. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}

/** Turns a validated seed graph into database rows, computing each claim's strength from its evidence. */
export function toSeedRows(graph: SeedGraph): SeedRows {
  const studies = new Map(graph.studies.map((s) => [s.id, s]));
  return {
    entities: graph.entities.map((e) => ({
      id: e.id,
      props: compact({ ...e, synonymsText: e.synonyms.join(" | ") }),
    })),
    studies: graph.studies.map((s) => ({
      id: s.id,
      props: compact({ ...s, citation: formatCitation(s), authorsText: s.authors.join(", "), yearText: s.year?.toString() }),
    })),
    claims: graph.claims.map((claim) => {
      const derived = deriveClaim(
        claim.evidence.map((ev) => {
          const study = studies.get(ev.study)!;
          return {
            stance: ev.stance,
            disputed: ev.disputed,
            n: ev.n,
            study: { id: study.id, design: study.design, species: study.species, n: study.n },
          };
        }),
      );
      const { regions, species, ...context } = claim.context;
      return {
        id: claim.id,
        subject: claim.subject,
        object: claim.object,
        regionIds: regions,
        props: compact({
          id: claim.id,
          predicate: claim.predicate,
          status: claim.status,
          tripleKey: claimTripleKey(claim),
          regionIds: regions,
          species,
          ...context,
          ...derived,
        }),
        evidence: claim.evidence.map((ev, i) => {
          const { study, ...fields } = ev;
          return { id: `${claim.id}#e${i + 1}`, studyId: study, props: compact({ id: `${claim.id}#e${i + 1}`, ...fields }) };
        }),
      };
    }),
  };
}

/**
 * Loads a validated seed graph in batched transactions. Records that already exist are
 * left as they are, so running it again changes nothing. Reports progress per batch.
 */
export async function loadSeed(db: Database, graph: SeedGraph, progress: (message: string) => void = () => {}): Promise<SeedCounts> {
  const rows = toSeedRows(graph);
  const repository = new SeedRepository(db);
  const at = new Date().toISOString();
  const created: SeedCounts = { entities: 0, studies: 0, claims: 0, evidence: 0 };

  for (const batch of chunks(rows.entities, BATCH_SIZE)) created.entities += await repository.createEntities(batch, at);
  progress(`entities: ${created.entities} created, ${rows.entities.length - created.entities} already present`);
  for (const batch of chunks(rows.studies, BATCH_SIZE)) created.studies += await repository.createStudies(batch, at);
  progress(`studies: ${created.studies} created, ${rows.studies.length - created.studies} already present`);
  let done = 0;
  for (const batch of chunks(rows.claims, BATCH_SIZE)) {
    const result = await repository.createClaims(batch, at);
    created.claims += result.claims;
    created.evidence += result.evidence;
    done += batch.length;
    progress(`claims: ${done}/${rows.claims.length} processed`);
  }
  progress(`claims: ${created.claims} created (${created.evidence} evidence), ${rows.claims.length - created.claims} already present`);
  // After the claims, which hypotheses link to.
  const hypotheses = graph.hypotheses ?? [];
  created.hypotheses = await new HypothesisRepository(db).createFromSeed(hypotheses, at);
  progress(`hypotheses: ${created.hypotheses} created, ${hypotheses.length - created.hypotheses} already present`);
  return created;
}

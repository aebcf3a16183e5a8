import type { Database } from "../db/index.js";
import { SeedRepository, type SeedRows } from "../db/repositories/seedRepository.js";
import { HypothesisRepository } from "../db/repositories/hypothesisRepository.js";
import { deriveClaim } from "../domain/claimDerived.js";
import { anchorQuote } from "../domain/quoteAnchors.js";
import { claimProps, entityProps, evidenceProps, sourceProps, studyProps, type QuoteAnchor } from "../domain/storedProps.js";
import { derivingEvidence } from "../domain/derivingEvidence.js";
import { registeredSources } from "./readSeed.js";
import type { SeedGraph } from "./seedFormat.js";

export interface SeedCounts {
  entities: number;
  studies: number;
  claims: number;
  evidence: number;
  hypotheses?: number;
  sources: number;
}

const BATCH_SIZE = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Drops null and undefined values: a new node simply lacks them. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}

/**
 * Turns a validated seed graph into database rows, stored exactly as curation stores records
 * (storedProps.ts), with each claim's strength and other derived values computed from its
 * evidence and each quote anchored in its source.
 */
export function toSeedRows(graph: SeedGraph): SeedRows {
  const studies = new Map(graph.studies.map((s) => [s.id, s]));
  const sources = registeredSources(graph);
  const anchorOf = (ev: SeedGraph["claims"][number]["evidence"][number]): QuoteAnchor | null => {
    // With no source to look in there is no anchor, and normalising each quote to find that
    // out took most of the time of turning a large graph into rows.
    if (sources.length === 0) return null;
    const result = anchorQuote(ev, sources);
    return result.ok ? { sourceId: result.sourceId, location: result.location } : null;
  };
  return {
    sources: [
      ...(graph.sources ?? []).flatMap((source) => {
        const text = graph.sourceTexts?.[source.id];
        return text === undefined ? [] : [{ id: source.id, props: compact(sourceProps({ ...source, text }, "approved")) }];
      }),
      ...(graph.wholeSources ?? []).map(({ status, ...source }) => ({ id: source.id, props: compact(sourceProps(source, status)) })),
    ],
    entities: graph.entities.map((e) => ({ id: e.id, props: compact(entityProps(e)) })),
    studies: graph.studies.map((s) => ({ id: s.id, props: compact(studyProps(s)) })),
    claims: graph.claims.map((claim) => {
      const evidence = claim.evidence.map((ev, i) => {
        const id = `${claim.id}#e${i + 1}`;
        return { id, studyId: ev.study, props: compact(evidenceProps(id, ev, anchorOf(ev))) };
      });
      const derived = deriveClaim(
        evidence.map((row) => derivingEvidence(row.props, studies.get(row.studyId)!)),
        claim.context,
      );
      return {
        id: claim.id,
        subject: claim.subject,
        object: claim.object,
        regionIds: claim.context.regions,
        props: compact({ ...claimProps(claim.id, claim.status, claim), ...derived }),
        evidence,
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
  const created: SeedCounts = { entities: 0, studies: 0, claims: 0, evidence: 0, sources: 0 };

  created.sources += await repository.createSources(rows.sources, at);
  progress(`sources: ${created.sources} created, ${rows.sources.length - created.sources} already present`);
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

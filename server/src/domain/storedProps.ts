import { formatCitation } from "./citation.js";
import { claimTripleKey } from "./claimIdentity.js";
import type { ClaimProposal, EntityFields, EvidenceFields, StudyFields } from "./curation.js";
import type { ClaimStatus } from "./vocabulary.js";

/**
 * The properties stored for curated records, including the search fields derived from them
 * (the same ones the seed loader writes). Every field of the record is present, null when
 * empty, so `SET n += props` also clears what an update or a revert empties.
 */

type Props = Record<string, unknown>;

const withNulls = (record: Record<string, unknown>): Props =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value ?? null]));

export function entityProps(entity: Omit<EntityFields, "synonyms"> & { synonyms?: string[] | null }): Props {
  const synonyms = entity.synonyms ?? [];
  return withNulls({ ...entity, synonyms, synonymsText: synonyms.join(" | ") });
}

export function studyProps(study: StudyFields): Props {
  return withNulls({
    ...study,
    citation: formatCitation(study),
    authorsText: study.authors.join(", "),
    yearText: study.year?.toString(),
  });
}

/** A claim's own properties; strength and the other derived values are added from its stored evidence. */
export function claimProps(id: string, status: ClaimStatus, claim: ClaimProposal): Props {
  const { regions, species, ...context } = claim.context;
  return withNulls({
    id,
    predicate: claim.predicate,
    status,
    tripleKey: claimTripleKey(claim),
    regionIds: regions,
    species,
    ...context,
  });
}

export function evidenceProps(id: string, evidence: EvidenceFields): Props {
  const { study: _study, ...fields } = evidence;
  return withNulls({ id, ...fields });
}

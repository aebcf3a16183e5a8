import type { ClaimRecord, EntityRecord, EvidenceRecord, SnapshotSource, StudyRecord } from "../domain/model.js";
import { assertionKindOf, edgeKnowledge } from "./assertionKind.js";
import {
  EXTENSION_PREFIX as MG,
  INFORES,
  NEGATED_EDGE_SUFFIX,
  NODE_CATEGORY_RULES,
  PREDICATE_MAPPINGS,
  SOURCE_CATEGORY,
  SOURCE_PUBLICATION_TYPE,
  SOURCE_RECORD,
  SPECIES_TAXA,
  STUDY_CATEGORY,
} from "./biolinkMapping.js";
import type { GraphSnapshot } from "./graphSnapshot.js";

/** A KGX value: what a JSON Lines record holds; TSV flattens lists with `|` and leaves objects out. */
export type KgxValue = string | number | boolean | string[] | Record<string, unknown>[];
export type KgxRecord = Record<string, KgxValue>;

export interface KgxGraph {
  nodes: KgxRecord[];
  edges: KgxRecord[];
}

/** Sets only values that say something: no nulls, empty strings or empty lists in the files. */
function put(record: KgxRecord, key: string, value: KgxValue | null | undefined): void {
  if (value === null || value === undefined || value === "") return;
  if (Array.isArray(value) && value.length === 0) return;
  record[key] = value;
}

export function nodeCategory(entity: Pick<EntityRecord, "id" | "kind" | "name">): string {
  const prefix = entity.id.slice(0, entity.id.indexOf(":"));
  const rule = NODE_CATEGORY_RULES.find(
    (r) =>
      r.kind === entity.kind &&
      (r.prefix === undefined || r.prefix === prefix) &&
      (r.namePattern === undefined || r.namePattern.test(entity.name)),
  );
  // The table ends with a catch-all row per kind, so a rule always matches.
  return rule!.category;
}

function entityNode(entity: EntityRecord): KgxRecord {
  const node: KgxRecord = { id: entity.id, category: [nodeCategory(entity)], name: entity.name };
  put(node, "synonym", entity.synonyms);
  put(node, "description", entity.description);
  put(node, "provided_by", [INFORES]);
  put(node, `${MG}kind`, entity.kind);
  put(node, `${MG}id_source`, entity.idSource);
  put(node, `${MG}note`, entity.note);
  return node;
}

export function publicationsOf(study: Pick<StudyRecord, "pmid" | "doi">): string[] {
  return [study.pmid ? `PMID:${study.pmid}` : null, study.doi ? `doi:${study.doi}` : null].filter((p): p is string => p !== null);
}

function studyNode(study: StudyRecord): KgxRecord {
  const node: KgxRecord = { id: study.id, category: [STUDY_CATEGORY], name: study.citation };
  put(node, "xref", publicationsOf(study));
  put(node, "provided_by", [INFORES]);
  put(node, `${MG}authors`, study.authors);
  put(node, `${MG}year`, study.year);
  put(node, `${MG}title`, study.title);
  put(node, `${MG}journal`, study.journal);
  put(node, `${MG}ref_number`, study.refNumber);
  put(node, `${MG}design`, study.design);
  put(node, `${MG}species`, study.species);
  put(node, `${MG}sex`, study.sex);
  put(node, `${MG}n`, study.n);
  put(node, `${MG}population`, study.population);
  put(node, `${MG}dose`, study.dose);
  put(node, `${MG}route`, study.route);
  put(node, `${MG}schedule`, study.schedule);
  put(node, `${MG}id_source`, study.idSource);
  if (study.verified !== null) node[`${MG}verified`] = study.verified;
  put(
    node,
    `${MG}arms`,
    study.arms.map((arm) => withoutNulls(arm) as Record<string, unknown>),
  );
  put(node, `${MG}note`, study.note);
  return node;
}

/** A source with its text, so that quotes keep their anchors when the export is imported. */
function sourceNode(source: SnapshotSource): KgxRecord {
  const node: KgxRecord = {
    id: source.id,
    category: [SOURCE_CATEGORY],
    name: source.title,
    publication_type: [SOURCE_PUBLICATION_TYPE],
  };
  put(node, "provided_by", [INFORES]);
  node[`${MG}record`] = SOURCE_RECORD;
  put(node, `${MG}study`, source.studyId);
  put(node, `${MG}citation`, source.citation);
  put(node, `${MG}file`, source.file);
  if (source.lines) node[`${MG}lines`] = `${source.lines[0]}-${source.lines[1]}`;
  node[`${MG}status`] = source.status;
  put(node, `${MG}note`, source.note);
  node[`${MG}checksum`] = source.checksum;
  node[`${MG}text`] = source.text;
  return node;
}

/** Nested records (dose, hours ranges) as the record model writes them: absent, not null. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return value;
}

/** One evidence item with every field it has, keyed as the record model (seed format) keys it. */
function evidenceItem(evidence: EvidenceRecord): Record<string, unknown> {
  const {
    id: _id,
    createdBy: _by,
    createdAt: _at,
    quoteOffset: _o,
    quoteEnd: _e,
    sourceId,
    assertionKindSet,
    study,
    reportedIn,
    disputed,
    ...fields
  } = evidence as EvidenceRecord & Record<string, unknown>;
  const item: Record<string, unknown> = { study: study.id, assertionKind: assertionKindOf(evidence) };
  if (reportedIn) item.reportedIn = reportedIn.id;
  if (sourceId) item.source = sourceId;
  if (assertionKindSet) item.assertionKindSet = true;
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) item[key] = withoutNulls(value);
  // Hours are stored as { low, high }; the record model writes a value or a [low, high] range.
  for (const key of ["timepointHours", "exposureHours"] as const) {
    const range = evidence[key];
    if (range) item[key] = range.low === range.high ? range.low : [range.low, range.high];
  }
  if (disputed) item.disputed = true;
  return item;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The edge of one claim carrying `evidence`: the claim's own edge (supporting and mixed
 * evidence) or, with `negated`, its twin that carries the contradicting evidence.
 */
function claimEdge(claim: ClaimRecord, evidence: readonly EvidenceRecord[], negated: boolean): KgxRecord {
  const mapping = PREDICATE_MAPPINGS[claim.predicate];
  const knowledge = edgeKnowledge(evidence);
  const edge: KgxRecord = {
    id: negated ? `${claim.id}${NEGATED_EDGE_SUFFIX}` : claim.id,
    category: [mapping.category],
    subject: claim.subject.id,
    predicate: mapping.predicate,
    object: claim.object.id,
  };
  put(edge, "qualified_predicate", mapping.qualifiedPredicate);
  put(edge, "object_aspect_qualifier", mapping.objectAspect);
  put(edge, "object_direction_qualifier", mapping.objectDirection);
  put(edge, "original_predicate", mapping.relation);
  // Sorted: the database returns a claim's regions in no fixed order, and the same graph should export the same bytes.
  const regions = claim.context.regions.map((r) => r.id).sort();
  const species = claim.context.species;
  if (mapping.contextQualifiers) {
    put(edge, "anatomical_context_qualifier", regions);
    // Single-valued in Biolink: only a claim about one species can say it there.
    if (species.length === 1) put(edge, "species_context_qualifier", SPECIES_TAXA[species[0]!]);
  } else {
    put(edge, `${MG}regions`, regions);
  }
  if (negated) edge.negated = true;
  edge.knowledge_level = knowledge.knowledgeLevel;
  edge.agent_type = knowledge.agentType;
  edge.primary_knowledge_source = INFORES;
  put(edge, "publications", unique(evidence.flatMap((e) => publicationsOf(e.study))));
  put(edge, "supporting_text", unique(evidence.map((e) => e.quote)));
  put(
    edge,
    "has_supporting_studies",
    unique(evidence.map((e) => e.study.id)).map((id) => {
      const study = evidence.find((e) => e.study.id === id)!.study;
      return { id, category: [STUDY_CATEGORY], name: study.citation };
    }),
  );
  put(edge, `${MG}status`, claim.status);
  put(edge, `${MG}species`, species);
  put(edge, `${MG}sex`, claim.context.sex);
  put(edge, `${MG}dose`, claim.context.dose);
  // Only curated timing: where none was set, the timing in effect is derived from the evidence, and an import derives it again.
  if (claim.context.timingExplicit) {
    put(edge, `${MG}onset_hours`, claim.context.onsetHours);
    put(edge, `${MG}peak_hours`, claim.context.peakHours);
    put(edge, `${MG}end_hours`, claim.context.endHours);
  }
  put(edge, `${MG}context_note`, claim.context.note);
  put(edge, `${MG}strength`, claim.strength);
  put(edge, `${MG}note`, claim.note);
  put(edge, `${MG}evidence`, evidence.map(evidenceItem));
  return edge;
}

/**
 * The graph as KGX records: entities and studies as nodes, each claim as an edge whose id is
 * the claim id, plus a negated twin when any evidence contradicts it.
 */
export function toKgx(snapshot: GraphSnapshot): KgxGraph {
  const nodes = [...snapshot.entities.map(entityNode), ...snapshot.studies.map(studyNode), ...snapshot.sources.map(sourceNode)];
  const edges: KgxRecord[] = [];
  for (const claim of snapshot.claims) {
    const contradicting = claim.evidence.filter((e) => e.stance === "contradicts");
    edges.push(
      claimEdge(
        claim,
        claim.evidence.filter((e) => e.stance !== "contradicts"),
        false,
      ),
    );
    if (contradicting.length > 0) edges.push(claimEdge(claim, contradicting, true));
  }
  return { nodes, edges };
}

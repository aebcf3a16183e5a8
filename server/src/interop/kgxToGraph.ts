import { createHash } from "node:crypto";
import { CURIE_PATTERN, DOI_PATTERN, PMID_PATTERN } from "../domain/identifiers.js";
import {
  CLAIM_STATUSES,
  ENTITY_KINDS,
  SOURCE_STATUSES,
  STUDY_DESIGNS,
  type ClaimStatus,
  type EntityKind,
  type Predicate,
} from "../domain/vocabulary.js";
import { sha256 } from "../domain/checksum.js";
import { armSchema, claimContextSchema as seedContext, evidenceSchema as seedEvidence } from "../domain/records/index.js";
import type { SeedClaim, SeedEntity, SeedEvidence, SeedGraph, SeedStudy, WholeSource } from "../seed/seedFormat.js";
import {
  DEFAULT_IMPORT_KIND,
  EXTENSION_PREFIX as MG,
  FALLBACK_PREDICATE,
  KIND_BY_BIOLINK_ANCESTOR,
  NEGATED_EDGE_SUFFIX,
  PREDICATE_MAPPINGS,
  SOURCE_RECORD,
  SPECIES_TAXA,
} from "./biolinkMapping.js";
import type { BiolinkChecker } from "./biolinkChecker.js";
import type { BiolinkModel } from "./biolinkModel.js";
import type { KgxFileContent, KgxLocatedError, KgxRead } from "./kgxRead.js";

export interface ImportOptions {
  /** Status of every imported claim. */
  status: ClaimStatus;
  /** Use the status an export of this graph wrote (`mg_status`) where there is one. */
  keepStatus: boolean;
}

export interface ImportCounts {
  nodeRecords: number;
  edgeRecords: number;
  distinctNodes: number;
  distinctEdges: number;
  /** Ids that edges use but no node record describes; they are created with their id as name. */
  referencedOnly: number;
  entities: number;
  studies: number;
  claims: number;
  evidence: number;
  sources: number;
}

export interface ImportPlan {
  graph: SeedGraph;
  counts: ImportCounts;
  errors: KgxLocatedError[];
  /** Where each claim came from: file names and knowledge sources, recorded on the claim. */
  provenance: Map<string, string>;
}

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : undefined;
const num = (v: unknown): number | undefined =>
  typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && !isNaN(Number(v)) ? Number(v) : undefined;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === "" ? [] : [String(v)]);
/** A boolean as JSON Lines writes it (true) or as KGX's TSV writer does ("True"). */
const bool = (v: unknown): boolean | undefined =>
  typeof v === "boolean" ? v : typeof v === "string" && /^(true|false)$/i.test(v.trim()) ? v.trim().toLowerCase() === "true" : undefined;
const reverseTaxa = new Map(Object.entries(SPECIES_TAXA).map(([word, taxon]) => [taxon, word]));

/** A claim id for an edge: its own id where that is a CURIE, otherwise one derived from it (or from the triple) so re-imports match. */
function claimIdOf(values: Record<string, unknown>): string {
  const id = str(values.id);
  if (id && CURIE_PATTERN.test(id)) return id;
  if (id) return `kgx:${id.replace(/[^A-Za-z0-9_.:-]+/g, "-")}`;
  const key = ["subject", "predicate", "object", "qualified_predicate", "object_aspect_qualifier", "object_direction_qualifier"]
    .map((k) => String(values[k] ?? ""))
    .join("|");
  return `kgx:${createHash("sha1").update(key).digest("hex").slice(0, 16)}`;
}

/** The project predicate of an edge: exact by predicate and qualifiers, else the nearest mapped Biolink ancestor, else the fallback. */
function projectPredicate(model: BiolinkModel, values: Record<string, unknown>): { predicate: Predicate; exact: boolean } {
  const biolink = String(values.predicate);
  const exact = (Object.entries(PREDICATE_MAPPINGS) as [Predicate, (typeof PREDICATE_MAPPINGS)[Predicate]][]).find(
    ([, m]) =>
      m.predicate === biolink &&
      (m.qualifiedPredicate ?? null) === (str(values.qualified_predicate) ?? null) &&
      (m.objectAspect ?? null) === (str(values.object_aspect_qualifier) ?? null) &&
      (m.objectDirection ?? null) === (str(values.object_direction_qualifier) ?? null),
  );
  if (exact) return { predicate: exact[0], exact: true };
  const slot = model.slotName(biolink.replace(/^biolink:/, ""));
  for (const ancestor of slot ? model.slotLineage(slot) : []) {
    const curie = `biolink:${ancestor.replace(/\s+/g, "_")}`;
    const row = (Object.entries(PREDICATE_MAPPINGS) as [Predicate, (typeof PREDICATE_MAPPINGS)[Predicate]][]).find(
      ([, m]) => m.predicate === curie && !m.qualifiedPredicate,
    );
    if (row) return { predicate: row[0], exact: false };
  }
  return { predicate: FALLBACK_PREDICATE, exact: false };
}

function kindOf(model: BiolinkModel, values: Record<string, unknown>): EntityKind {
  const own = str(values[`${MG}kind`]);
  if (own && (ENTITY_KINDS as readonly string[]).includes(own)) return own as EntityKind;
  const lineages = list(values.category).map((c) => model.classLineage(model.className(c) ?? ""));
  for (const lineage of lineages) for (const rule of KIND_BY_BIOLINK_ANCESTOR) if (lineage.includes(rule.ancestor)) return rule.kind;
  return DEFAULT_IMPORT_KIND;
}

function isStudyNode(model: BiolinkModel, values: Record<string, unknown>): boolean {
  return list(values.category).some((c) => {
    const lineage = model.classLineage(model.className(c) ?? "");
    return lineage.includes("study") || lineage.includes("publication");
  });
}

function publicationIds(values: readonly string[]): { pmid?: string; doi?: string } {
  const out: { pmid?: string; doi?: string } = {};
  for (const value of values) {
    const [prefix, ...rest] = value.split(":");
    const local = rest.join(":");
    if (prefix?.toUpperCase() === "PMID" && PMID_PATTERN.test(local)) out.pmid ??= local;
    if (prefix?.toLowerCase() === "doi" && DOI_PATTERN.test(local)) out.doi ??= local;
  }
  return out;
}

/** A source node of this graph's export: its text must still match the checksum it was exported with. */
function toWholeSource(record: KgxRead, options: ImportOptions, errors: KgxLocatedError[]): WholeSource | null {
  const values = record.values;
  const text = typeof values[`${MG}text`] === "string" ? (values[`${MG}text`] as string) : "";
  const checksum = str(values[`${MG}checksum`]);
  if (text.trim() === "") {
    errors.push(located(record, `${MG}text`, "a source record needs its text"));
    return null;
  }
  if (checksum !== sha256(text)) {
    errors.push(located(record, `${MG}checksum`, `does not match the text (its sha256 is ${sha256(text)})`));
    return null;
  }
  const lines = /^(\d+)-(\d+)$/.exec(str(values[`${MG}lines`]) ?? "");
  const ownStatus = str(values[`${MG}status`]);
  const status =
    options.keepStatus && ownStatus && (SOURCE_STATUSES as readonly string[]).includes(ownStatus)
      ? (ownStatus as WholeSource["status"])
      : options.status === "accepted"
        ? "approved"
        : "proposed";
  return {
    id: String(values.id),
    title: str(values.name) ?? String(values.id),
    study: str(values[`${MG}study`]),
    citation: str(values[`${MG}citation`]),
    file: str(values[`${MG}file`]),
    lines: lines ? [Number(lines[1]), Number(lines[2])] : undefined,
    checksum,
    text,
    status,
    note: str(values[`${MG}note`]),
  };
}

/** Study arms as an export of this graph writes them (JSON Lines), each checked by the record model. */
function armsOf(record: KgxRead, errors: KgxLocatedError[]): SeedStudy["arms"] {
  const value = record.values[`${MG}arms`];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.push(located(record, `${MG}arms`, "must be a list of arms"));
    return undefined;
  }
  return value.flatMap((item, i) => {
    const parsed = armSchema.safeParse(item);
    if (parsed.success) return [parsed.data];
    errors.push(
      located(record, `${MG}arms`, `arm ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`),
    );
    return [];
  });
}

function toStudy(values: Record<string, unknown>, file: string): SeedStudy {
  const id = String(values.id);
  const design = str(values[`${MG}design`]);
  const authors = list(values[`${MG}authors`]);
  return {
    id,
    authors: authors.length > 0 ? authors : [str(values.name) ?? id],
    year: num(values[`${MG}year`]),
    title: str(values[`${MG}title`]),
    journal: str(values[`${MG}journal`]),
    ...publicationIds([...list(values.xref), id]),
    refNumber: num(values[`${MG}ref_number`]),
    // A study whose design the file does not state counts as the least informative design until a curator says otherwise.
    design: design && (STUDY_DESIGNS as readonly string[]).includes(design) ? (design as SeedStudy["design"]) : "theory",
    species: str(values[`${MG}species`]),
    sex: str(values[`${MG}sex`]),
    n: num(values[`${MG}n`]),
    population: str(values[`${MG}population`]),
    dose: str(values[`${MG}dose`]),
    route: str(values[`${MG}route`]),
    schedule: str(values[`${MG}schedule`]),
    idSource: str(values[`${MG}id_source`]) ?? (design ? undefined : `imported from ${file}; design not stated there`),
    verified: bool(values[`${MG}verified`]),
    note: str(values[`${MG}note`]),
  };
}

function toEntity(model: BiolinkModel, values: Record<string, unknown>, file: string): SeedEntity {
  const id = String(values.id);
  return {
    id,
    kind: kindOf(model, values),
    name: str(values.name) ?? id,
    synonyms: list(values.synonym).filter((s) => s.trim() !== ""),
    description: str(values.description),
    idSource:
      str(values[`${MG}id_source`]) ??
      (values[`${MG}kind`] === undefined ? `imported from ${file} (${list(values.category).join(", ")})` : undefined),
    note: str(values[`${MG}note`]),
  };
}

const located = (record: KgxRead, property: string | undefined, message: string): KgxLocatedError => ({
  file: record.file,
  line: record.line,
  column: property === undefined ? undefined : record.columns[property] ? `${record.columns[property]} (${property})` : property,
  message,
});

/**
 * Turns checked KGX records into the records this graph stores: nodes into entities and studies,
 * edges into claims (a negated edge's evidence joins its claim as contradicting), with every
 * problem located by file, line and column. Nothing is written here.
 */
export function kgxToGraph(
  files: readonly KgxFileContent[],
  model: BiolinkModel,
  checker: BiolinkChecker,
  options: ImportOptions,
): ImportPlan {
  const errors: KgxLocatedError[] = [];
  const entities = new Map<string, SeedEntity>();
  const studies = new Map<string, SeedStudy>();
  const sources = new Map<string, WholeSource>();
  const sourceRecords = new Map<string, KgxRead>();
  const nodeFiles = files.filter((f) => f.role === "nodes");
  const edgeFiles = files.filter((f) => f.role === "edges");
  const counts: ImportCounts = {
    nodeRecords: 0,
    edgeRecords: 0,
    distinctNodes: 0,
    distinctEdges: 0,
    referencedOnly: 0,
    entities: 0,
    studies: 0,
    claims: 0,
    evidence: 0,
    sources: 0,
  };

  for (const file of nodeFiles)
    for (const record of file.records) {
      counts.nodeRecords += 1;
      const issues = checker.checkNode(record.values);
      for (const issue of issues) errors.push(located(record, issue.property, issue.message));
      if (issues.length > 0) continue;
      const id = String(record.values.id);
      if (entities.has(id) || studies.has(id) || sources.has(id)) continue;
      if (record.values[`${MG}record`] === SOURCE_RECORD) {
        const source = toWholeSource(record, options, errors);
        if (source) sources.set(id, source);
        if (source) sourceRecords.set(id, record);
      } else if (isStudyNode(model, record.values)) {
        const arms = armsOf(record, errors);
        studies.set(id, { ...toStudy(record.values, file.file), ...(arms ? { arms } : {}) });
      } else entities.set(id, toEntity(model, record.values, file.file));
    }
  counts.distinctNodes = entities.size + studies.size + sources.size;
  for (const source of sources.values())
    if (source.study && !studies.has(source.study))
      errors.push(located(sourceRecords.get(source.id)!, `${MG}study`, `study ${source.study} has no node record`));

  const claims = new Map<string, SeedClaim>();
  const provenance = new Map<string, string>();
  const edgeIds = new Set<string>();
  const ensureEntity = (id: string, kind: EntityKind, file: string) => {
    if (entities.has(id)) return;
    counts.referencedOnly += 1;
    entities.set(id, { id, kind, name: id, synonyms: [], idSource: `referenced by an edge in ${file} that has no node record for it` });
  };
  const edges = edgeFiles.flatMap((file) => file.records.map((record) => ({ file, record })));
  // Plain edges first, so a negated twin finds the claim it contradicts.
  const ordered = [...edges.filter((e) => e.record.values.negated !== true), ...edges.filter((e) => e.record.values.negated === true)];
  counts.edgeRecords = edges.length;
  for (const { file, record } of ordered) {
    const values = record.values;
    const issues = checker.checkEdge(values);
    for (const issue of issues) errors.push(located(record, issue.property, issue.message));
    if (issues.length > 0) continue;
    const edgeKey = str(values.id) ?? claimIdOf(values);
    if (edgeIds.has(edgeKey)) continue;
    edgeIds.add(edgeKey);
    const negated = values.negated === true || values.negated === "True" || values.negated === "true";
    // A negated twin written by this graph's export carries its claim's id with a suffix.
    const ownId = str(values.id);
    const claimId =
      negated && ownId?.endsWith(NEGATED_EDGE_SUFFIX)
        ? claimIdOf({ ...values, id: ownId.slice(0, -NEGATED_EDGE_SUFFIX.length) })
        : claimIdOf(values);

    const evidence: SeedEvidence[] = [];
    const mgEvidence = values[`${MG}evidence`];
    if (Array.isArray(mgEvidence)) {
      mgEvidence.forEach((item, i) => {
        // The kind is kept only where a curator set it; otherwise it follows from the design again.
        const { assertionKind, assertionKindSet, ...rest } = item as Record<string, unknown>;
        const parsed = seedEvidence.safeParse(assertionKindSet === true ? { ...rest, assertionKind } : rest);
        if (!parsed.success)
          errors.push(
            located(
              record,
              `${MG}evidence`,
              `item ${i + 1}: ${parsed.error.issues.map((x: { path: PropertyKey[]; message: string }) => `${x.path.join(".")} ${x.message}`).join("; ")}`,
            ),
          );
        else if (!studies.has(parsed.data.study))
          errors.push(located(record, `${MG}evidence`, `item ${i + 1}: study ${parsed.data.study} has no node record`));
        else evidence.push(parsed.data);
      });
    } else {
      const texts = list(values.supporting_text);
      for (const publication of list(values.publications)) {
        if (texts.length === 0) break;
        if (!studies.has(publication)) studies.set(publication, toStudy({ id: publication, name: publication }, file.file));
        evidence.push({ study: publication, stance: negated ? "contradicts" : "supports", quote: texts.join(" … "), disputed: false });
      }
    }

    const existing = claims.get(claimId);
    if (existing) {
      existing.evidence.push(...evidence);
      continue;
    }
    const subject = String(values.subject);
    const object = String(values.object);
    const { predicate, exact } = projectPredicate(model, values);
    const taxon = str(values.species_context_qualifier);
    const species = values[`${MG}species`] !== undefined ? list(values[`${MG}species`]) : taxon ? [reverseTaxa.get(taxon) ?? taxon] : [];
    const notes = [str(values[`${MG}context_note`]), exact ? undefined : `imported as ${String(values.predicate)}`].filter(Boolean);
    const context = seedContext.safeParse({
      regions: [...list(values.anatomical_context_qualifier), ...list(values[`${MG}regions`])],
      species,
      sex: str(values[`${MG}sex`]),
      dose: str(values[`${MG}dose`]),
      onsetHours: num(values[`${MG}onset_hours`]),
      peakHours: num(values[`${MG}peak_hours`]),
      endHours: num(values[`${MG}end_hours`]),
      note: notes.length > 0 ? notes.join("; ") : undefined,
    });
    if (!context.success) {
      for (const issue of context.error.issues) errors.push(located(record, String(issue.path[0] ?? "context"), issue.message));
      continue;
    }
    ensureEntity(subject, DEFAULT_IMPORT_KIND, file.file);
    ensureEntity(object, DEFAULT_IMPORT_KIND, file.file);
    for (const region of context.data.regions) ensureEntity(region, "brain_region", file.file);
    const ownStatus = str(values[`${MG}status`]);
    const status =
      options.keepStatus && ownStatus && (CLAIM_STATUSES as readonly string[]).includes(ownStatus)
        ? (ownStatus as ClaimStatus)
        : options.status;
    claims.set(claimId, {
      id: claimId,
      subject,
      predicate,
      object,
      status,
      context: context.data,
      evidence,
      note: str(values[`${MG}note`]),
    });
    const source = str(values.primary_knowledge_source) ?? str(values.knowledge_source) ?? list(values.provided_by).join(", ");
    provenance.set(claimId, `kgx import of ${file.file}${source ? ` (${source})` : ""}`);
  }
  counts.distinctEdges = edgeIds.size;
  counts.entities = entities.size;
  counts.studies = studies.size;
  counts.claims = claims.size;
  counts.evidence = [...claims.values()].reduce((n, c) => n + c.evidence.length, 0);
  counts.sources = sources.size;
  return {
    graph: {
      entities: [...entities.values()],
      studies: [...studies.values()],
      claims: [...claims.values()],
      wholeSources: [...sources.values()],
    },
    counts,
    errors,
    provenance,
  };
}

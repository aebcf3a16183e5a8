import type { EntityKind, Predicate } from "../domain/vocabulary.js";

/**
 * THE mapping between this graph and Biolink 4.4.4, as data. Export, import, the checker's
 * tests and docs/interop.md all read these tables; nothing else spells a Biolink term.
 */

/** This graph as a knowledge source (a single infores CURIE, as `primary_knowledge_source` requires). */
export const INFORES = "infores:mechgraph";

/**
 * Properties that carry what Biolink has no slot for (curation status, the full context, the
 * evidence items), so that an export re-imported gives the same graph. KGX keeps properties it
 * does not know; Biolink readers may ignore them.
 */
export const EXTENSION_PREFIX = "mg_";

/** Edge category for claims whose Biolink form carries causal qualifiers. */
const AFFECTS_CATEGORY = "biolink:ChemicalAffectsBiologicalEntityAssociation";
/** Edge category for the rest: the root class, which owns no context qualifiers. */
const PLAIN_CATEGORY = "biolink:Association";

export interface PredicateMapping {
  readonly predicate: string;
  readonly qualifiedPredicate?: string;
  readonly objectAspect?: string;
  readonly objectDirection?: "increased" | "decreased";
  /** The RO (or other OBO) relation the project predicate corresponds to, exported as `original_predicate`. */
  readonly relation: string;
  /** Edge category; it must own every qualifier the edge carries (checked against the model in tests). */
  readonly category: string;
  /** Whether the category owns anatomical_context_qualifier and species_context_qualifier. */
  readonly contextQualifiers: boolean;
}

/**
 * Project predicate -> Biolink. Biolink 4.x has no activates/inhibits/increases predicates:
 * signed effects are `affects` with `qualified_predicate: causes` and an object aspect and
 * direction. Each row's (predicate, qualified predicate, aspect, direction) is unique, so import
 * maps back exactly.
 */
export const PREDICATE_MAPPINGS: Readonly<Record<Predicate, PredicateMapping>> = {
  inhibits: {
    predicate: "biolink:affects",
    qualifiedPredicate: "biolink:causes",
    objectAspect: "activity",
    objectDirection: "decreased",
    relation: "RO:0002212",
    category: AFFECTS_CATEGORY,
    contextQualifiers: true,
  },
  activates: {
    predicate: "biolink:affects",
    qualifiedPredicate: "biolink:causes",
    objectAspect: "activity",
    objectDirection: "increased",
    relation: "RO:0002213",
    category: AFFECTS_CATEGORY,
    contextQualifiers: true,
  },
  increases: {
    predicate: "biolink:affects",
    qualifiedPredicate: "biolink:causes",
    objectAspect: "activity_or_abundance",
    objectDirection: "increased",
    relation: "RO:0002213",
    category: AFFECTS_CATEGORY,
    contextQualifiers: true,
  },
  decreases: {
    predicate: "biolink:affects",
    qualifiedPredicate: "biolink:causes",
    objectAspect: "activity_or_abundance",
    objectDirection: "decreased",
    relation: "RO:0002212",
    category: AFFECTS_CATEGORY,
    contextQualifiers: true,
  },
  improves: { predicate: "biolink:ameliorates_condition", relation: "RO:0003307", category: AFFECTS_CATEGORY, contextQualifiers: true },
  worsens: { predicate: "biolink:exacerbates_condition", relation: "RO:0003309", category: AFFECTS_CATEGORY, contextQualifiers: true },
  causes: { predicate: "biolink:causes", relation: "RO:0003303", category: PLAIN_CATEGORY, contextQualifiers: false },
  required_for: { predicate: "biolink:contributes_to", relation: "RO:0002326", category: PLAIN_CATEGORY, contextQualifiers: false },
  associated_with: { predicate: "biolink:associated_with", relation: "RO:0002610", category: PLAIN_CATEGORY, contextQualifiers: false },
  located_in: { predicate: "biolink:located_in", relation: "RO:0001025", category: PLAIN_CATEGORY, contextQualifiers: false },
  part_of: { predicate: "biolink:part_of", relation: "BFO:0000050", category: PLAIN_CATEGORY, contextQualifiers: false },
  metabolized_to: { predicate: "biolink:has_metabolite", relation: "CHEBI:25212", category: PLAIN_CATEGORY, contextQualifiers: false },
};

/** A predicate's Biolink form in one line, e.g. "biolink:affects (qualified_predicate biolink:causes, object_aspect_qualifier activity, object_direction_qualifier decreased)". */
export function biolinkForm(predicate: Predicate): string {
  const m = PREDICATE_MAPPINGS[predicate];
  const qualifiers = [
    m.qualifiedPredicate ? `qualified_predicate ${m.qualifiedPredicate}` : null,
    m.objectAspect ? `object_aspect_qualifier ${m.objectAspect}` : null,
    m.objectDirection ? `object_direction_qualifier ${m.objectDirection}` : null,
  ].filter((q) => q !== null);
  return qualifiers.length > 0 ? `${m.predicate} (${qualifiers.join(", ")})` : m.predicate;
}

/** What a Biolink predicate not in the table imports as: the weakest claim, with the original kept in the context note. */
export const FALLBACK_PREDICATE: Predicate = "associated_with";

/**
 * Node category by entity kind and id prefix; the first matching row wins. A rule on the name
 * only tells GO complexes (receptors) from GO processes, which share a prefix.
 */
export interface NodeCategoryRule {
  readonly kind: EntityKind;
  readonly prefix?: string;
  readonly namePattern?: RegExp;
  readonly category: string;
}

export const NODE_CATEGORY_RULES: readonly NodeCategoryRule[] = [
  { kind: "intervention", prefix: "CHEBI", category: "biolink:SmallMolecule" },
  { kind: "intervention", category: "biolink:ChemicalEntity" },
  { kind: "mechanism", prefix: "CHEBI", category: "biolink:SmallMolecule" },
  { kind: "mechanism", prefix: "HGNC", category: "biolink:Gene" },
  { kind: "mechanism", prefix: "UniProtKB", category: "biolink:Protein" },
  { kind: "mechanism", prefix: "GO", namePattern: /\b(receptor|complex)\b/i, category: "biolink:MacromolecularComplex" },
  { kind: "mechanism", category: "biolink:BiologicalProcess" },
  { kind: "brain_region", category: "biolink:GrossAnatomicalStructure" },
  { kind: "condition", category: "biolink:Disease" },
  { kind: "outcome", category: "biolink:PhenotypicFeature" },
];

/** Studies are exported as nodes of this category. */
export const STUDY_CATEGORY = "biolink:Study";

/**
 * Source texts (the documents quotes are anchored in) are exported as nodes of this category,
 * marked with `mg_record: source`: Biolink's Publication includes "a part of a publication".
 * They travel in JSON Lines only, since TSV has no place for a multi-line text.
 */
export const SOURCE_CATEGORY = "biolink:Publication";
/** Publication requires a type; DCMI's Text ("consisting primarily of words for reading") fits every source text. */
export const SOURCE_PUBLICATION_TYPE = "dctypes:Text";
export const SOURCE_RECORD = "source";

/**
 * Entity kind of an imported node without `mg_kind`, by the nearest Biolink ancestor of its
 * category (model class names, spaced as in the model file); anything else is a mechanism.
 */
export const KIND_BY_BIOLINK_ANCESTOR: readonly { readonly ancestor: string; readonly kind: EntityKind }[] = [
  { ancestor: "chemical entity", kind: "intervention" },
  { ancestor: "treatment", kind: "intervention" },
  { ancestor: "disease", kind: "condition" },
  { ancestor: "phenotypic feature", kind: "outcome" },
  { ancestor: "anatomical entity", kind: "brain_region" },
];
export const DEFAULT_IMPORT_KIND: EntityKind = "mechanism";

/** Species words of the claim context and their NCBITaxon ids, for `species_context_qualifier`. */
export const SPECIES_TAXA: Readonly<Record<string, string>> = {
  human: "NCBITaxon:9606",
  mouse: "NCBITaxon:10090",
  rat: "NCBITaxon:10116",
};

/** The id of the twin edge that carries a claim's contradicting evidence with `negated: true`. */
export const NEGATED_EDGE_SUFFIX = "#contradicted";

/** Extension properties that are lists (split on `|` in TSV, like Biolink's multivalued slots). */
export const EXTENSION_LIST_PROPERTIES: readonly string[] = [
  `${EXTENSION_PREFIX}species`,
  `${EXTENSION_PREFIX}regions`,
  `${EXTENSION_PREFIX}authors`,
];

/** Properties only JSON Lines carries: TSV has no place for objects, and keeps quotes out of its cells. */
export const JSONL_ONLY_PROPERTIES: readonly string[] = [
  "supporting_text",
  "has_supporting_studies",
  `${EXTENSION_PREFIX}evidence`,
  `${EXTENSION_PREFIX}arms`,
  `${EXTENSION_PREFIX}text`,
];

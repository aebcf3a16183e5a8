import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ASSERTION_KINDS } from "../domain/assertionKinds.js";
import { ASSERTION_KIND_NAMES } from "../domain/vocabulary.js";
import { assertionKindOf } from "./assertionKind.js";
import { BiolinkChecker } from "./biolinkChecker.js";
import { NODE_CATEGORY_RULES, PREDICATE_MAPPINGS, STUDY_CATEGORY } from "./biolinkMapping.js";
import { BiolinkModel } from "./biolinkModel.js";

/** The Biolink Model 4.4.4 beside the project (../shared/biolink), never copied into it. */
const MODEL_PATH = resolve(import.meta.dirname, "../../../../shared/biolink/biolink-model.yaml");

let model: BiolinkModel;
let checker: BiolinkChecker;
beforeAll(() => {
  model = BiolinkModel.load(MODEL_PATH);
  checker = new BiolinkChecker(model, { required: "model", strict: true });
});

const edge = {
  id: "claim:x",
  category: ["biolink:ChemicalAffectsBiologicalEntityAssociation"],
  subject: "CHEBI:6121",
  predicate: "biolink:affects",
  object: "GO:0017146",
  qualified_predicate: "biolink:causes",
  object_aspect_qualifier: "activity",
  object_direction_qualifier: "decreased",
  anatomical_context_qualifier: ["UBERON:0000451"],
  species_context_qualifier: "NCBITaxon:9606",
  knowledge_level: "knowledge_assertion",
  agent_type: "manual_agent",
  primary_knowledge_source: "infores:mechgraph",
  publications: ["PMID:10686270"],
};

describe("the Biolink checker", () => {
  it("reads the model file it is given", () => {
    expect(model.version).toBe("4.4.4");
  });

  it("passes a well-formed signed edge", () => {
    expect(checker.checkEdge(edge)).toEqual([]);
  });

  it("refuses mixins, unknown classes and abstract ones as categories", () => {
    const problems = (category: string) => checker.checkNode({ id: "X:1", category: [category], name: "x" }).map((i) => i.message);
    expect(problems("biolink:GeneOrGeneProduct")).toEqual(["biolink:GeneOrGeneProduct is a mixin, not a class"]);
    expect(problems("biolink:Widget")).toContain("biolink:Widget is not a Biolink class");
    expect(problems("biolink:SmallMolecule")).toEqual([]);
  });

  it("refuses unknown and deprecated predicates", () => {
    expect(checker.checkEdge({ ...edge, predicate: "biolink:inhibits" }).map((i) => i.message)).toContain(
      "biolink:inhibits is not a Biolink predicate",
    );
    expect(checker.checkEdge({ ...edge, predicate: "biolink:increases_amount_or_activity_of" }).map((i) => i.message)).toContain(
      "biolink:increases_amount_or_activity_of is deprecated",
    );
  });

  it("wants the required slots", () => {
    const { knowledge_level: _k, subject: _s, ...rest } = edge;
    expect(checker.checkEdge(rest).map((i) => i.property)).toEqual(expect.arrayContaining(["knowledge_level", "subject"]));
  });

  it("checks enum values against the model", () => {
    expect(checker.checkEdge({ ...edge, knowledge_level: "very_sure" })).toEqual([
      { property: "knowledge_level", message: "very_sure is not a value of KnowledgeLevelEnum" },
    ]);
    expect(checker.checkEdge({ ...edge, object_direction_qualifier: "sideways" })[0]?.property).toBe("object_direction_qualifier");
    expect(checker.checkEdge({ ...edge, object_aspect_qualifier: "vibes" })[0]?.property).toBe("object_aspect_qualifier");
    expect(checker.checkEdge({ ...edge, agent_type: "robot" })[0]?.property).toBe("agent_type");
  });

  it("checks single- and multi-valued shapes", () => {
    expect(checker.checkEdge({ ...edge, primary_knowledge_source: ["infores:mechgraph"] })[0]?.message).toMatch(/single-valued/);
    expect(checker.checkEdge({ ...edge, publications: "PMID:1" })[0]?.message).toMatch(/multivalued/);
  });

  it("wants qualifiers the edge's category owns", () => {
    expect(checker.checkEdge({ ...edge, category: ["biolink:Association"] }).map((i) => i.property)).toEqual(
      expect.arrayContaining([
        "qualified_predicate",
        "object_aspect_qualifier",
        "anatomical_context_qualifier",
        "species_context_qualifier",
      ]),
    );
  });

  it("refuses bad CURIEs and properties that are not slots", () => {
    expect(checker.checkEdge({ ...edge, subject: "ketamine" })[0]).toEqual({ property: "subject", message: "ketamine is not a CURIE" });
    expect(checker.checkEdge({ ...edge, colour: "red" })[0]?.property).toBe("colour");
    expect(checker.checkEdge({ ...edge, mg_status: "accepted" })).toEqual([]);
  });
});

describe("the mapping table", () => {
  it("maps every predicate to a canonical, current Biolink predicate, in a category that owns its qualifiers", () => {
    for (const [name, mapping] of Object.entries(PREDICATE_MAPPINGS)) {
      const record = {
        ...edge,
        category: [mapping.category],
        predicate: mapping.predicate,
        qualified_predicate: mapping.qualifiedPredicate,
        object_aspect_qualifier: mapping.objectAspect,
        object_direction_qualifier: mapping.objectDirection,
        original_predicate: mapping.relation,
        anatomical_context_qualifier: mapping.contextQualifiers ? ["UBERON:0000451"] : undefined,
        species_context_qualifier: mapping.contextQualifiers ? "NCBITaxon:9606" : undefined,
      };
      expect(checker.checkEdge(record), name).toEqual([]);
    }
  });

  it("tells every predicate apart by its Biolink form, so import maps back exactly", () => {
    const keys = Object.values(PREDICATE_MAPPINGS).map((m) =>
      [m.predicate, m.qualifiedPredicate, m.objectAspect, m.objectDirection].join("|"),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses node categories that are classes, not mixins", () => {
    for (const category of [...NODE_CATEGORY_RULES.map((r) => r.category), STUDY_CATEGORY])
      expect(checker.checkNode({ id: "X:1", category: [category], name: "x" }), category).toEqual([]);
  });

  it("derives assertion kinds from designs and gives each a knowledge level and agent type of the model's enums", () => {
    const kindOf = (design: string) => assertionKindOf({ study: { design } as never, assertionKindSet: null });
    expect(kindOf("theory")).toBe("review_statement");
    expect(kindOf("narrative_review")).toBe("review_statement");
    expect(kindOf("observational")).toBe("observational");
    expect(kindOf("case_report")).toBe("observational");
    expect(kindOf("rct")).toBe("experimental");
    expect(assertionKindOf({ study: { design: "rct" } as never, assertionKindSet: "hypothesis" })).toBe("hypothesis");
    for (const kind of ASSERTION_KIND_NAMES) {
      const { knowledgeLevel, agentType } = ASSERTION_KINDS[kind];
      expect(checker.checkEdge({ ...edge, knowledge_level: knowledgeLevel, agent_type: agentType }), kind).toEqual([]);
    }
  });
});

import type { EntityKind } from "../server/src/domain/vocabulary.js";
import type { SeedEntity, SeedStudy } from "../server/src/seed/seedFormat.js";
import type { Random } from "./prng.js";
import { DESCRIPTION_SHARE, ENTITY_KINDS, STUDY_DESIGN_SPECIES, SYNONYMS_PER_ENTITY } from "./shape.js";
import { JOURNALS, SURNAMES, TITLE_WORDS, entityName, slug, synonym } from "./words.js";

export interface EntityTable {
  records: SeedEntity[];
  /** Indexes of the entities of each kind. */
  byKind: Record<EntityKind, number[]>;
}

/** How many entities of each kind, in the seed's proportions, at least one of each. */
function kindCounts(total: number): Record<EntityKind, number> {
  const kinds = Object.keys(ENTITY_KINDS) as EntityKind[];
  const sum = kinds.reduce((s, k) => s + ENTITY_KINDS[k], 0);
  const counts = Object.fromEntries(kinds.map((k) => [k, Math.max(1, Math.floor((total * ENTITY_KINDS[k]) / sum))])) as Record<
    EntityKind,
    number
  >;
  counts.mechanism += total - kinds.reduce((s, k) => s + counts[k], 0);
  return counts;
}

const STANDARD_PREFIX: Record<EntityKind, { prefix: string; share: number }> = {
  intervention: { prefix: "CHEBI", share: 0.6 },
  mechanism: { prefix: "HGNC", share: 0.5 },
  brain_region: { prefix: "UBERON", share: 0.7 },
  condition: { prefix: "MONDO", share: 0.6 },
  outcome: { prefix: "mg", share: 0 },
};

/** Entities with unique names and ids, kinds shuffled over the index range. */
export function generateEntities(total: number, random: Random): EntityTable {
  const counts = kindCounts(total);
  const kinds = random.shuffled((Object.keys(counts) as EntityKind[]).flatMap((k) => Array<EntityKind>(counts[k]).fill(k)));
  const byKind: Record<EntityKind, number[]> = { intervention: [], mechanism: [], brain_region: [], condition: [], outcome: [] };
  const names = new Map<string, number>();
  const ids = new Set<string>();
  const records = kinds.map((kind, i): SeedEntity => {
    byKind[kind].push(i);
    let name = entityName(kind, random);
    for (let attempt = 0; names.has(name) && attempt < 8; attempt += 1) name = entityName(kind, random);
    const seen = names.get(name) ?? 0;
    names.set(name, seen + 1);
    if (seen > 0) name = `${name} ${seen + 1}`;
    const standard = STANDARD_PREFIX[kind];
    let id = random.chance(standard.share) ? `${standard.prefix}:${String(1_000_000 + i).padStart(7, "0")}` : `mg:${slug(name)}`;
    if (ids.has(id)) id = `${id}-${i}`;
    ids.add(id);
    const synonyms = Array.from({ length: Number(random.weighted(SYNONYMS_PER_ENTITY)) }, (_, v) => synonym(name, v));
    return {
      id,
      kind,
      name,
      synonyms: [...new Set(synonyms)].filter((s) => s !== name),
      ...(random.chance(DESCRIPTION_SHARE) && {
        description: `${name}: a synthetic ${kind.replace("_", " ")} for load and query benchmarks.`,
      }),
      ...(!id.startsWith("mg:") && { idSource: "synthetic benchmark record" }),
    };
  });
  return { records, byKind };
}

const HUMAN_DESIGNS = new Set(["rct", "crossover_rct", "open_label", "observational", "case_report"]);

function studySize(design: string, random: Random): number | undefined {
  if (HUMAN_DESIGNS.has(design)) return Math.round(Math.exp(Math.log(3) + random.next() * Math.log(40)));
  if (design === "animal_in_vivo" && random.chance(0.2)) return 10 + random.int(40);
  return undefined;
}

/** Studies with the seed's joint design/species mix. */
export function generateStudies(total: number, random: Random): SeedStudy[] {
  const weights = STUDY_DESIGN_SPECIES.map((d) => d.weight);
  return Array.from({ length: total }, (_, i): SeedStudy => {
    const { design, species } = STUDY_DESIGN_SPECIES[random.index(weights)]!;
    const surname = random.pick(SURNAMES);
    const year = 1995 + random.int(30);
    const authors = [
      `${surname} ${String.fromCharCode(65 + random.int(26))}`,
      ...Array.from({ length: random.int(4) }, () => `${random.pick(SURNAMES)} ${String.fromCharCode(65 + random.int(26))}`),
    ];
    const title = Array.from({ length: 6 + random.int(7) }, () => random.pick(TITLE_WORDS)).join(" ");
    const n = studySize(design, random);
    return {
      id: `study:${slug(surname)}-${year}-${i}`,
      authors: random.chance(0.4) ? [...authors, "et al."] : authors,
      year,
      title: title[0]!.toUpperCase() + title.slice(1),
      journal: random.pick(JOURNALS),
      design,
      ...(species && { species }),
      ...(n !== undefined && { n }),
      ...(random.chance(0.75) && { pmid: String(20_000_000 + i) }),
      ...(random.chance(0.6) && { doi: `10.${1000 + (i % 9000)}/s${i}` }),
      ...(random.chance(0.5) && { refNumber: i + 1 }),
      ...(random.chance(0.4) && {
        population: species === "human" ? "adults with treatment-resistant depression" : "chronic unpredictable stress model",
      }),
      ...(random.chance(0.4) && { dose: "0.5 mg/kg IV over 40 min" }),
      ...(random.chance(0.3) && { route: "intravenous" }),
      ...(random.chance(0.3) && { schedule: "single dose; follow-up to 7 days" }),
      idSource: "synthetic benchmark record",
    };
  });
}

import { ASSERTS_PROPERTIES } from "../claimSync.js";
import type { SeedRows } from "../repositories/seedRepository.js";
import { CsvTable, type CsvFilePair } from "./csvTable.js";

/** The CSV files of one graph, by label and relationship type, as neo4j-admin takes them. */
export interface GraphFiles {
  nodes: { label: string; files: CsvFilePair[] }[];
  relationships: { type: string; files: CsvFilePair[] }[];
  /** Some text holds a line break: the importer must read fields across lines. */
  multiline: boolean;
}

export interface GraphFileCounts {
  sources: number;
  entities: number;
  studies: number;
  claims: number;
  evidence: number;
}

export class DuplicateIdError extends Error {}

const ACTOR = "seed";

/** A node's `id` is its key column (`id:ID(Label)`), which the importer stores as the property. */
function withoutId({ id: _id, ...props }: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return props;
}

/**
 * Writes seed rows as CSV files for `neo4j-admin database import full`: the nodes and
 * relationships that SeedRepository's Cypher (CREATE_SOURCES, CREATE_ENTITIES, CREATE_STUDIES,
 * CREATE_CLAIMS with CREATE_CLAIM_LINKS, then SYNC_ASSERTS) creates from the same rows in an
 * empty database, with the same properties and types. Rows come in the loader's order
 * (sources, entities, studies, then claims) and are dropped where Cypher would find nothing to
 * match: a claim whose subject or object is unknown, evidence whose study is unknown, a region
 * or a reported-in study that does not exist. What the importer cannot write (empty lists, the
 * ranked neighbour lists, indexes) finish.ts adds once the database runs.
 */
export class GraphFileWriter {
  private readonly entityIds = new Set<string>();
  private readonly studyIds = new Set<string>();
  private readonly claimIds = new Set<string>();
  private readonly sourceIds = new Set<string>();
  private evidenceCount = 0;
  private readonly tables;

  constructor(
    dir: string,
    private readonly at: string,
  ) {
    const nodes = (label: string) => new CsvTable(dir, label, [`id:ID(${label})`]);
    const link = (type: string, from: string, to: string) => new CsvTable(dir, type, [`:START_ID(${from})`, `:END_ID(${to})`]);
    this.tables = {
      nodes: {
        Source: nodes("Source"),
        Entity: nodes("Entity"),
        Study: nodes("Study"),
        Claim: nodes("Claim"),
        Evidence: nodes("Evidence"),
        Change: nodes("Change"),
      },
      relationships: {
        SUBJECT: link("SUBJECT", "Claim", "Entity"),
        OBJECT: link("OBJECT", "Claim", "Entity"),
        IN_REGION: link("IN_REGION", "Claim", "Entity"),
        HAS_EVIDENCE: link("HAS_EVIDENCE", "Claim", "Evidence"),
        FROM: link("FROM", "Evidence", "Study"),
        REPORTED_IN: link("REPORTED_IN", "Evidence", "Study"),
        ASSERTS: link("ASSERTS", "Entity", "Entity"),
      },
    };
  }

  get counts(): GraphFileCounts {
    return {
      sources: this.sourceIds.size,
      entities: this.entityIds.size,
      studies: this.studyIds.size,
      claims: this.claimIds.size,
      evidence: this.evidenceCount,
    };
  }

  addSources(rows: SeedRows["sources"]): void {
    for (const row of rows) {
      this.register(this.sourceIds, "source", row.id, row.props.id);
      const approved = (row.props.status ?? "approved") === "approved";
      this.tables.nodes.Source.add([row.id], {
        ...withoutId(row.props),
        createdBy: ACTOR,
        createdAt: this.at,
        ...(approved ? { reviewedBy: ACTOR } : {}),
      });
    }
  }

  addEntities(rows: SeedRows["entities"]): void {
    for (const row of rows) {
      this.register(this.entityIds, "entity", row.id, row.props.id);
      this.tables.nodes.Entity.add([row.id], this.created(row.props));
      this.change(row.id, "entity");
    }
  }

  addStudies(rows: SeedRows["studies"]): void {
    for (const row of rows) {
      this.register(this.studyIds, "study", row.id, row.props.id);
      this.tables.nodes.Study.add([row.id], this.created(row.props));
      this.change(row.id, "study");
    }
  }

  addClaims(rows: SeedRows["claims"]): void {
    const { nodes, relationships } = this.tables;
    for (const row of rows) {
      if (!this.entityIds.has(row.subject) || !this.entityIds.has(row.object)) continue;
      this.register(this.claimIds, "claim", row.id, row.props.id);
      nodes.Claim.add([row.id], this.created(row.props));
      relationships.SUBJECT.add([row.id, row.subject], {});
      relationships.OBJECT.add([row.id, row.object], {});
      this.change(row.id, "claim");
      for (const regionId of row.regionIds) {
        if (this.entityIds.has(regionId)) relationships.IN_REGION.add([row.id, regionId], {});
      }
      for (const evidence of row.evidence) {
        if (!this.studyIds.has(evidence.studyId)) continue;
        const id = evidence.props.id;
        if (typeof id !== "string") throw new DuplicateIdError(`evidence of ${row.id} has no id`);
        this.evidenceCount += 1;
        nodes.Evidence.add([id], { ...withoutId(evidence.props), createdBy: ACTOR, createdAt: this.at });
        relationships.HAS_EVIDENCE.add([row.id, id], {});
        relationships.FROM.add([id, evidence.studyId], {});
        const reportedIn = evidence.props.reportedIn;
        if (typeof reportedIn === "string" && this.studyIds.has(reportedIn)) relationships.REPORTED_IN.add([id, reportedIn], {});
      }
      const asserted: Record<string, unknown> = { claimId: row.id };
      for (const key of ASSERTS_PROPERTIES) asserted[key] = row.props[key];
      relationships.ASSERTS.add([row.subject, row.object], asserted);
    }
  }

  /** Closes every file; tables without rows are left out. */
  close(): GraphFiles {
    const all = [...Object.values(this.tables.nodes), ...Object.values(this.tables.relationships)];
    const multiline = all.some((table) => table.multiline);
    const files = (tables: CsvTable[]) => tables.filter((t) => t.rows > 0).map((t) => ({ name: t.name, files: t.close() }));
    return {
      nodes: files(Object.values(this.tables.nodes)).map(({ name, files }) => ({ label: name, files })),
      relationships: files(Object.values(this.tables.relationships)).map(({ name, files }) => ({ type: name, files })),
      multiline,
    };
  }

  private created(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return { ...withoutId(props), version: 1, createdBy: ACTOR, createdAt: this.at };
  }

  private change(targetId: string, targetType: string): void {
    this.tables.nodes.Change.add([`change:${targetId}:1`], {
      targetId,
      targetType,
      action: "create",
      version: 1,
      actor: ACTOR,
      at: this.at,
    });
  }

  /** Records an id; the importer would stop at a duplicate far later, without saying which row. */
  private register(ids: Set<string>, kind: string, id: string, propsId: unknown): void {
    if (propsId !== id) throw new DuplicateIdError(`${kind} ${id}: its stored id is ${String(propsId)}`);
    if (ids.has(id)) throw new DuplicateIdError(`${kind} ${id} appears twice`);
    ids.add(id);
  }
}

import type { Database } from "./database.js";

/** Deletes every node and relationship, in batches so memory stays flat on large graphs. */
export async function deleteAllData(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write(/* Cypher */ `MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted`);
    if (!row || (row.deleted as number) === 0) return;
  }
}

/** True when the graph holds no entities yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read(/* Cypher */ `RETURN EXISTS { (:Entity) } AS any`);
  return row?.any !== true;
}

import type { Database } from "../database.js";
import type { Role } from "../../auth/principal.js";

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** API tokens; only a hash of each secret is stored. */
export class TokenRepository {
  constructor(private readonly db: Database) {}

  async create(token: TokenRecord & { hash: string }): Promise<void> {
    await this.db.write(/* Cypher */ `CREATE (t:ApiToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt})`, {
      ...token,
    });
  }

  async findActiveByHash(hash: string): Promise<TokenRecord | null> {
    const [row] = await this.db.read(
      /* Cypher */ `MATCH (t:ApiToken {hash: $hash}) WHERE t.revokedAt IS NULL
       RETURN t {.id, .name, .role, .createdAt, .revokedAt} AS token`,
      { hash },
    );
    return (row?.token as TokenRecord | undefined) ?? null;
  }

  async list(): Promise<TokenRecord[]> {
    const rows = await this.db.read(
      /* Cypher */ `MATCH (t:ApiToken) RETURN t {.id, .name, .role, .createdAt, .revokedAt} AS token ORDER BY t.createdAt`,
    );
    return rows.map((row) => row.token as TokenRecord);
  }

  /** Marks a token revoked; returns false when no active token has that id. */
  async revoke(id: string, at: string): Promise<boolean> {
    const rows = await this.db.write(
      /* Cypher */ `MATCH (t:ApiToken {id: $id}) WHERE t.revokedAt IS NULL SET t.revokedAt = $at RETURN t.id AS id`,
      { id, at },
    );
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.read(/* Cypher */ `RETURN COUNT { (:ApiToken) } AS n`);
    return (row?.n as number) ?? 0;
  }
}

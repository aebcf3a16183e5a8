import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { TokenRepository } from "../db/repositories/tokenRepository.js";
import type { Role } from "./principal.js";

const PREFIX = "mg_";

/**
 * Tokens are 32 random bytes, so a fast hash is enough to keep stored hashes useless to a
 * reader of the database (no password-style stretching is needed for high-entropy secrets).
 */
export const hashToken = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** Creates a token and returns its secret: the only time the secret exists outside its holder. */
export async function issueToken(tokens: TokenRepository, name: string, role: Role): Promise<{ id: string; secret: string }> {
  const secret = PREFIX + randomBytes(32).toString("base64url");
  const id = `token:${randomUUID()}`;
  await tokens.create({ id, name, role, hash: hashToken(secret), createdAt: new Date().toISOString(), revokedAt: null });
  return { id, secret };
}

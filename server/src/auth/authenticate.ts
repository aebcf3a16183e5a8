import { UnauthenticatedError } from "../errors/index.js";
import type { Repositories } from "../graphql/repositories.js";
import type { Principal } from "./principal.js";
import { hashToken } from "./tokens.js";

/**
 * Establishes who is asking from an Authorization header. No header means an anonymous
 * reader; a header that is malformed or names an unknown or revoked token is refused.
 */
export async function authenticate(repositories: Repositories, authorization: string | undefined): Promise<Principal | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError("The Authorization header must be: Bearer <token>");
  const token = await repositories.tokens.findActiveByHash(hashToken(match[1]!));
  if (!token) throw new UnauthenticatedError("The bearer token is unknown or has been revoked");
  return { tokenId: token.id, name: token.name, role: token.role };
}

import { ForbiddenError, UnauthenticatedError } from "../errors/index.js";
import type { Principal, Role } from "./principal.js";

/** Reviewers may do everything curators may. */
const GRANTS: Record<Role, readonly Role[]> = { curator: ["curator"], reviewer: ["curator", "reviewer"] };

/** Returns the principal when it holds `role`; UNAUTHENTICATED without a token, FORBIDDEN with the wrong role. */
export function requireRole(principal: Principal | null, role: Role, action: string): Principal {
  if (!principal) throw new UnauthenticatedError(`${action} needs a bearer token with the ${role} role`);
  if (!GRANTS[principal.role].includes(role))
    throw new ForbiddenError(`${action} needs the ${role} role; this token has the ${principal.role} role`);
  return principal;
}

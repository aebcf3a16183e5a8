import { BadInputError, ConflictError, DomainError, ErrorCode } from "../errors/index.js";
import type { UnresolvedReference } from "./claimReferences.js";
import type { ChangeTargetType } from "./model.js";

/**
 * The errors curation raises once it has looked at the database. Each names the argument
 * field it concerns, or carries what the caller needs to recover (the current version, the
 * claim that already exists).
 */

type Path = (string | number)[];

const WHAT: Record<ChangeTargetType, string> = { entity: "Entity", study: "Study", claim: "Claim" };

/** "input.evidence[0].studyId", the same spelling BAD_USER_INPUT issues use. */
export const fieldName = (path: Path): string =>
  path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "");

export function notFound(path: Path, what: string, id: string): DomainError {
  const field = fieldName(path);
  return new DomainError(ErrorCode.NOT_FOUND, `${field}: ${what} ${id} does not exist`, { field, id });
}

export function alreadyExists(type: "entity" | "study", id: string): ConflictError {
  return new ConflictError(`${WHAT[type]} ${id} already exists; change it with update${WHAT[type]}`, { field: "input.id", id });
}

export function staleVersion(type: ChangeTargetType, id: string, current: number, expected: number): ConflictError {
  return new ConflictError(
    `${WHAT[type]} ${id} is at version ${current}, not ${expected}: it changed since it was read. Reload it and apply the change again.`,
    { currentVersion: current, expectedVersion: expected },
  );
}

/** A claim in the wrong status for the operation, e.g. reviewing an accepted claim. */
export function wrongStatus(id: string, status: unknown, allowed: string, version?: number): ConflictError {
  return new ConflictError(`Claim ${id} is ${String(status)}; ${allowed}`, {
    currentStatus: status,
    ...(version !== undefined && { currentVersion: version }),
  });
}

export function duplicateClaim(existing: { id: string; status: string }): ConflictError {
  return new ConflictError(
    `The same claim already exists as ${existing.id} (${existing.status}); add the evidence to it with addEvidence(claimId: "${existing.id}") instead of proposing it again.`,
    { existingClaimId: existing.id, existingStatus: existing.status },
  );
}

/**
 * The error for a proposal's unresolved references, located under `prefix` with the API's
 * field names: missing records are NOT_FOUND, a non-region used as a region BAD_USER_INPUT.
 * Null when every reference resolves.
 */
export function unresolvedError(problems: UnresolvedReference[], prefix: Path): DomainError | null {
  const located = problems.map((p) => ({ ...p, path: [...prefix, ...p.path.map((part) => (part === "study" ? "studyId" : part))] }));
  const missing = located.filter((p) => p.problem !== "not_a_region");
  if (missing.length > 0) {
    const issues = missing.map((p) => ({ field: fieldName(p.path), id: p.id, message: p.message }));
    return new DomainError(ErrorCode.NOT_FOUND, issues.map((i) => `${i.field}: ${i.message}`).join("; "), {
      field: issues[0]!.field,
      id: issues[0]!.id,
      issues,
    });
  }
  return located.length > 0 ? new BadInputError(located.map((p) => ({ path: p.path, message: p.message }))) : null;
}

import type { ClaimProposal } from "./curation.js";

/** What a claim refers to that must exist: entities, brain-region entities and studies. */
export interface KnownRecords {
  /** Entity id to kind. */
  entityKinds: ReadonlyMap<string, string>;
  studyIds: ReadonlySet<string>;
}

/** A reference that does not resolve, located by its path inside the claim (seed-file field names). */
export interface UnresolvedReference {
  path: (string | number)[];
  id: string;
  problem: "missing_entity" | "missing_study" | "not_a_region";
  message: string;
}

/** Every id a claim refers to, for looking them up in one query. */
export function referencedIds(claims: readonly ClaimProposal[]): { entityIds: string[]; studyIds: string[] } {
  const entityIds = new Set<string>();
  const studyIds = new Set<string>();
  for (const claim of claims) {
    [claim.subject, claim.object, ...claim.context.regions].forEach((id) => entityIds.add(id));
    claim.evidence.forEach((ev) => {
      studyIds.add(ev.study);
      if (ev.reportedIn) studyIds.add(ev.reportedIn);
    });
  }
  return { entityIds: [...entityIds], studyIds: [...studyIds] };
}

/** The claim's references that are missing from `known`, or name a non-region as a region. */
export function unresolvedReferences(claim: ClaimProposal, known: KnownRecords): UnresolvedReference[] {
  const problems: UnresolvedReference[] = [];
  for (const end of ["subject", "object"] as const) {
    const id = claim[end];
    if (!known.entityKinds.has(id)) problems.push({ path: [end], id, problem: "missing_entity", message: `entity ${id} does not exist` });
  }
  claim.context.regions.forEach((id, i) => {
    const kind = known.entityKinds.get(id);
    const path = ["context", "regions", i];
    if (kind === undefined) problems.push({ path, id, problem: "missing_entity", message: `entity ${id} does not exist` });
    else if (kind !== "brain_region")
      problems.push({ path, id, problem: "not_a_region", message: `${id} is a ${kind} entity, not a brain_region` });
  });
  claim.evidence.forEach((ev, i) => {
    for (const field of ["study", "reportedIn"] as const) {
      const id = ev[field];
      if (id !== undefined && !known.studyIds.has(id))
        problems.push({ path: ["evidence", i, field], id, problem: "missing_study", message: `study ${id} does not exist` });
    }
  });
  return problems;
}

/**
 * Two claims are the same claim when subject, predicate, object and context (regions,
 * species, sex, dose) agree. The key is stored on each claim so a duplicate proposal can be
 * found with one indexed lookup.
 */
export function claimTripleKey(claim: {
  subject: string;
  predicate: string;
  object: string;
  context: { regions?: readonly string[]; species?: readonly string[]; sex?: string | null; dose?: string | null };
}): string {
  const norm = (values: readonly string[] | undefined) =>
    [...(values ?? [])]
      .map((v) => v.trim().toLowerCase())
      .sort()
      .join(",");
  return [
    claim.subject,
    claim.predicate,
    claim.object,
    norm(claim.context.regions),
    norm(claim.context.species),
    claim.context.sex?.trim().toLowerCase() ?? "",
    claim.context.dose?.trim().toLowerCase() ?? "",
  ].join("|");
}

import type { ClaimFilter } from "../api/index.js";
import type { FilterState } from "./viewState.js";

/** Maps the user's filters to the API's ClaimFilter, leaving out what does not filter. */
export function toClaimFilter(filter: FilterState): ClaimFilter {
  const result: ClaimFilter = { statuses: filter.statuses.length > 0 ? [...filter.statuses] : ["ACCEPTED"] };
  if (filter.species.length > 0) result.species = [...filter.species];
  if (filter.minStrength !== null && filter.minStrength > 0) result.minStrength = filter.minStrength;
  if (filter.designs.length > 0) result.designs = [...filter.designs];
  if (filter.regions.length > 0) result.regions = [...filter.regions];
  return result;
}

/** How many filters differ from the defaults, for a badge on the filter panel. */
export function activeFilterCount(filter: FilterState): number {
  const statuses = filter.statuses.length === 1 && filter.statuses[0] === "ACCEPTED" ? 0 : 1;
  return (
    (filter.species.length > 0 ? 1 : 0) +
    (filter.minStrength !== null && filter.minStrength > 0 ? 1 : 0) +
    (filter.designs.length > 0 ? 1 : 0) +
    (filter.regions.length > 0 ? 1 : 0) +
    statuses
  );
}

export * from "./viewState.js";
export { toClaimFilter, activeFilterCount } from "./claimFilter.js";
export { encodeViewState, decodeViewState } from "./urlCodec.js";
export { timeScaleDefaults, positionToHours, hoursToPosition, formatHours, roundHours, type TimeScale } from "./timeScale.js";

export * from "./viewState.js";
export * from "./appState.js";
export { reduce, initialAppState, dataKey, wantsData, normalizeView, overlayKey, type Action } from "./reducer.js";
export { createStore, type Store, type Listener } from "./store.js";
export { toClaimFilter, activeFilterCount } from "./claimFilter.js";
export { encodeViewState, decodeViewState } from "./urlCodec.js";
export { timeScaleDefaults, positionToHours, hoursToPosition, formatHours, roundHours, type TimeScale } from "./timeScale.js";

/** Mechanism chains: signed steps over claims, their confidence, a bounded search and an explanation. */
export * from "./signs.js";
export * from "./confidence.js";
export * from "./steps.js";
export * from "./search.js";
export * from "./explanation.js";

/**
 * The record model: one zod schema per record, used by the seed loader, the bulk import and
 * the GraphQL mutations alike, with the types inferred from them. Adding a field to a record
 * means adding it here, in the SDL and in the database mapping.
 */
export * from "./fields.js";
export * from "./dose.js";
export * from "./source.js";
export * from "./entity.js";
export * from "./study.js";
export * from "./evidence.js";
export * from "./claim.js";

export { ErrorCode } from "./errorCodes.js";
export * from "./domainErrors.js";
export { formatError } from "./formatError.js";

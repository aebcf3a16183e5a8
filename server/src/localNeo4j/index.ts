export { startLocalNeo4j, freePort, type LocalNeo4j, type LocalNeo4jOptions } from "./startLocalNeo4j.js";
export { MissingPrerequisiteError } from "./prerequisites.js";

import { join } from "node:path";
import { loadConfig } from "../config/index.js";
import { ensureRuntimeArtifacts } from "../localNeo4j/artifacts.js";
import { checkJavaAndMaven } from "../localNeo4j/prerequisites.js";

/** `npm run neo4j:install`: fetches Neo4j Community from Maven Central ahead of the first start. */
const config = loadConfig();
checkJavaAndMaven();
await ensureRuntimeArtifacts(join(config.projectRoot, "neo4j-runtime"), (message) => console.log(message));
console.log("Neo4j runtime ready.");

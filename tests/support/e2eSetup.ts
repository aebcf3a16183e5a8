import { startBrowserTestApp } from "./browserTestApp.js";

/** The browser tier's app: the built client served by its own seeded API and Neo4j. */
export default async function setup() {
  return startBrowserTestApp();
}

import { spawnSync } from "node:child_process";

export class MissingPrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingPrerequisiteError";
  }
}

const INSTALL_HINT = "or set NEO4J_URI to use an existing Neo4j 5 database instead";

/** Fails with an install hint unless Java 17+ and Maven are on the PATH. */
export function checkJavaAndMaven(): void {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) {
    throw new MissingPrerequisiteError(
      `Java was not found. The local Neo4j needs a Java 17 or newer JDK: install one (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), ${INSTALL_HINT}.`,
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(java.stderr);
  const major = version ? Number(version[1] === "1" ? version[2] : version[1]) : NaN;
  if (!(major >= 17)) {
    throw new MissingPrerequisiteError(
      `Java ${version?.[1] ?? "(unknown version)"} was found, but the local Neo4j needs Java 17 or newer: install a newer JDK, ${INSTALL_HINT}.`,
    );
  }
  const javac = spawnSync("javac", ["-version"], { encoding: "utf8" });
  if (javac.error || javac.status !== 0) {
    throw new MissingPrerequisiteError(
      `javac was not found. The local Neo4j needs a full JDK (not only a JRE): install one (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), ${INSTALL_HINT}.`,
    );
  }
  const maven = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (maven.error || maven.status !== 0) {
    throw new MissingPrerequisiteError(
      `Maven (mvn) was not found. It fetches Neo4j from Maven Central on the first start: install it (Debian/Ubuntu: apt-get install maven), ${INSTALL_HINT}.`,
    );
  }
}

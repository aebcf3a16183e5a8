import { Command } from "commander";
import { loadConfig } from "../config/index.js";
import { TokenRepository } from "../db/repositories/tokenRepository.js";
import { issueToken } from "../auth/tokens.js";
import { ROLES, type Role } from "../auth/principal.js";
import { withDatabase } from "./withDatabase.js";

/** `npm run tokens -- create|list|revoke`: manage API tokens (stored hashed). */
const config = loadConfig();
const program = new Command("tokens").description("Manage API tokens for curation.");

program
  .command("create")
  .description("create a token and print its secret once")
  .requiredOption("--name <name>", "who the token is for; recorded as the actor of their changes")
  .requiredOption("--role <role>", `one of: ${ROLES.join(", ")}`)
  .action(async (opts: { name: string; role: string }) => {
    if (!ROLES.includes(opts.role as Role)) {
      console.error(`--role must be one of: ${ROLES.join(", ")}`);
      process.exit(2);
    }
    await withDatabase(config, async (db) => {
      const { id, secret } = await issueToken(new TokenRepository(db), opts.name, opts.role as Role);
      console.log(`created ${id} for ${opts.name} (${opts.role})\nsecret (shown once): ${secret}`);
    });
  });

program
  .command("list")
  .description("list tokens (never their secrets)")
  .action(async () => {
    await withDatabase(config, async (db) => {
      for (const t of await new TokenRepository(db).list()) {
        console.log(`${t.id}\t${t.name}\t${t.role}\tcreated ${t.createdAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ""}`);
      }
    });
  });

program
  .command("revoke")
  .description("revoke a token by id")
  .argument("<id>", "token id, as shown by list")
  .action(async (id: string) => {
    await withDatabase(config, async (db) => {
      const revoked = await new TokenRepository(db).revoke(id, new Date().toISOString());
      console.log(revoked ? `revoked ${id}` : `no active token ${id}`);
      if (!revoked) process.exitCode = 1;
    });
  });

await program.parseAsync();

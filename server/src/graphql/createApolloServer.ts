import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { Logger } from "pino";
import type { Config } from "../config/index.js";
import { formatError } from "../errors/index.js";
import type { GraphQLContext } from "./context.js";
import { operationLimitsPlugin } from "./limits/operationLimitsPlugin.js";
import { responseSizePlugin } from "./limits/responseSizePlugin.js";
import { resolvers } from "./resolvers/index.js";
import { loadTypeDefs } from "./schema.js";

// The generated resolver map is stricter than graphql-tools' own input type, not different in shape.
type ExecutableSchemaResolvers = Parameters<typeof makeExecutableSchema>[0]["resolvers"];

/** Reports how many Cypher queries each operation ran, in the response's extensions. */
const queryCountPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === "single") {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cypherQueries: contextValue.queryCount() };
        }
      },
    };
  },
};

/** Lexical tokens one operation may have. */
const MAX_TOKENS = 2000;

export function createApolloServer(config: Config, logger: Logger, extraPlugins: ApolloServerPlugin<GraphQLContext>[] = []) {
  const typeDefs = loadTypeDefs(config.projectRoot);
  const schema = makeExecutableSchema({ typeDefs, resolvers: resolvers as ExecutableSchemaResolvers });
  // Depth, alias and directive limits refuse abusive queries before any resolver runs. Cost is
  // checked by operationLimitsPlugin, with the variables known (armor's rule cannot see them).
  // Tokens are counted by graphql-js's own parser (parseOptions below): armor's token plugin
  // parses in a hook whose errors Apollo answers as 500, syntax errors included.
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH },
    costLimit: { enabled: false },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !config.FIELD_SUGGESTIONS },
  });
  const protection = armor.protect();
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.INTROSPECTION,
    // Over the limit, parsing stops with a syntax error: 400 GRAPHQL_PARSE_FAILED.
    parseOptions: { maxTokens: MAX_TOKENS },
    // Shutdown is ordered by startServer (HTTP, then GraphQL, then the database).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    // GraphiQL is served from npm by http/graphiql.ts instead of Apollo's CDN-hosted landing page.
    // graphql-armor ships CommonJS plugin typings; they are structurally the same plugins.
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<GraphQLContext>[]),
      operationLimitsPlugin(config.MAX_QUERY_COST),
      // Before queryCountPlugin, so a refused answer still reports its Cypher queries.
      responseSizePlugin(config.MAX_RESPONSE_BYTES),
      queryCountPlugin,
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints, and the default plugin would still visit every field.
      ApolloServerPluginCacheControlDisabled(),
      ...extraPlugins,
    ],
    formatError: (formatted, error) => formatError(formatted, error, (unexpected) => logger.error({ err: unexpected }, "unexpected error")),
  });
}

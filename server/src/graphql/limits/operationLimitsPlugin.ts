import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { getVariableValues } from "graphql";
import { BadInputError, QueryTooCostlyError } from "../../errors/index.js";
import { findLoneSurrogate } from "./loneSurrogates.js";
import { operationCost } from "./operationCost.js";

/** graphql-js stops coercing variables after this many errors, as execution does. */
const MAX_VARIABLE_ERRORS = 50;

/**
 * Checks each operation after it is parsed, validated and resolved and before anything
 * executes: variables must be well-formed text, and the operation's cost, computed with
 * its variables coerced, must be within `maxCost`.
 *
 * graphql-armor's cost rule is a validation rule, and graphql-js validates a document
 * without its variables, so `first: $n` counts there as if it were absent; this plugin
 * runs where the variables are known instead.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          const surrogate = findLoneSurrogate(request.variables ?? {});
          if (surrogate) {
            const [variable, ...rest] = surrogate;
            throw new BadInputError(
              [{ path: [`$${variable}`, ...rest], message: "contains an unpaired UTF-16 surrogate (not valid Unicode text)" }],
              {
                beforeExecution: true,
              },
            );
          }
          // Apollo resolves the operation before this hook; without one nothing executes.
          if (!operation) return;
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
            maxErrors: MAX_VARIABLE_ERRORS,
          });
          if (variables.errors) {
            // Up to the limit, execution reports each bad variable as BAD_USER_INPUT itself;
            // past it graphql-js adds an error without a code, which would read as a server fault.
            if (variables.errors.length > MAX_VARIABLE_ERRORS) {
              throw new BadInputError(
                variables.errors
                  .slice(0, MAX_VARIABLE_ERRORS)
                  .map((error) => ({ path: variablePath(error.message), message: error.message })),
                { beforeExecution: true },
              );
            }
            return;
          }
          const cost = operationCost(schema, document, operation, variables.coerced);
          if (cost > maxCost) throw new QueryTooCostlyError(cost, maxCost);
        },
      };
    },
  };
}

/** `Variable "$ids" got invalid value ...` names the variable it concerns. */
function variablePath(message: string): string[] {
  const match = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message);
  return match ? [`$${match[1]}`] : ["variables"];
}

import type { CodegenConfig } from "@graphql-codegen/cli";
import { Kind, type DocumentNode } from "graphql";

/**
 * What each client document carries besides its text (`__meta__` of the generated
 * TypedDocumentString): the operation's name and whether it is a query or a mutation, which
 * decides whether the stored token goes with it (client/src/api/graphqlClient.ts).
 */
function operationMeta(document: DocumentNode): { operationName: string; operationType: string } | undefined {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.name === undefined) return undefined;
  return { operationName: operation.name.value, operationType: operation.operation };
}

const config: CodegenConfig = {
  schema: "schema/*.graphql",
  overwrite: true,
  ignoreNoDocuments: true,
  generates: {
    "server/src/graphql/resolvers.generated.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: "./context.js#GraphQLContext",
        mappers: {
          Entity: "../domain/model.js#EntityRecord",
          Study: "../domain/model.js#StudyRecord",
          Claim: "../domain/model.js#ClaimView",
          Evidence: "../domain/model.js#EvidenceRecord",
          Change: "../domain/model.js#ChangeRecord",
          Hypothesis: "../domain/records/hypothesis.js#HypothesisRecord",
          Source: "../domain/model.js#SourceRecord",
          Dose: "../domain/records/index.js#DoseData",
          StudyArm: "../domain/records/index.js#ArmData",
        },
        scalars: { JSON: "unknown" },
      },
    },
    // The client preset: one typed document per operation in client/src/api/documents/*.graphql,
    // as a string with exactly the fragments it uses, typed with its result and variables.
    "client/src/api/generated/": {
      documents: "client/src/api/documents/*.graphql",
      preset: "client",
      presetConfig: { fragmentMasking: false, onExecutableDocumentNode: operationMeta },
      config: { useTypeImports: true, documentMode: "string", scalars: { JSON: "unknown" } },
    },
  },
};
export default config;

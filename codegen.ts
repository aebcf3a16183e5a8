import type { CodegenConfig } from "@graphql-codegen/cli";

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
          Claim: "../domain/model.js#ClaimRecord",
          Evidence: "../domain/model.js#EvidenceRecord",
          Change: "../domain/model.js#ChangeRecord",
          Hypothesis: "../domain/records/hypothesis.js#HypothesisRecord",
        },
        scalars: { JSON: "unknown" },
      },
    },
    "client/src/api/operations.generated.ts": {
      documents: "client/src/**/*.graphql",
      // typescript-operations 6 writes the enum and input types the operations use itself.
      plugins: ["typescript-operations"],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { JSON: "unknown" } },
    },
  },
};
export default config;

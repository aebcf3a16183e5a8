import { GraphQLScalarType } from "graphql";
import type { Resolvers } from "../resolvers.generated.js";
import { Query } from "./Query.js";
import { Mutation } from "./Mutation.js";
import { Entity } from "./Entity.js";
import { Study } from "./Study.js";
import { Claim } from "./Claim.js";
import { Change } from "./Change.js";
import { Evidence } from "./Evidence.js";
import { Hypothesis } from "./Hypothesis.js";
import { Dose } from "./Dose.js";
import { StudyArm } from "./StudyArm.js";
import { Source } from "./Source.js";

const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  description: "Arbitrary JSON",
  serialize: (value) => value,
});

/** Every resolver, one file per GraphQL type. Enum value maps are added from the schema. */
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Entity,
  Study,
  Claim,
  Evidence,
  Change,
  Dose,
  StudyArm,
  Source,
  Hypothesis,
  JSON: JSONScalar,
};

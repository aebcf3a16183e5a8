import { twoLevelExpansion } from "../limit.js";

/**
 * Type definitions for @neo4j/graphql 7 over mechgraph's store: the labels and relationships the
 * API reads, as a team adopting the library would write them. Claims are nodes joined to their
 * entities by SUBJECT and OBJECT; evidence hangs off claims and points to its study. The library
 * has no breadth-first neighbourhood with a shared cap, so the two-level one is a `@cypher` field
 * running the same expansion as the hand-written query.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Entity
    @node(labels: ["Entity"])
    @fulltext(indexes: [{ indexName: "entity_search", queryName: "entitySearch", fields: ["name", "synonymsText"] }]) {
    id: ID!
    name: String!
    kind: String!
    synonyms: [String!]
    synonymsText: String
    subjectOf: [Claim!]! @relationship(type: "SUBJECT", direction: IN)
    objectOf: [Claim!]! @relationship(type: "OBJECT", direction: IN)
    twoLevelClaims(limit: Int!): [Claim!]!
      @cypher(
        statement: """
        WITH this AS start
        ${twoLevelExpansion("start")}
        UNWIND kept AS a
        MATCH (claim:Claim {id: a.claimId})
        RETURN claim
        """
        columnName: "claim"
      )
  }

  type Claim @node(labels: ["Claim"]) {
    id: ID!
    predicate: String!
    status: String!
    strength: Float
    contestedness: Float
    version: Int
    onsetHours: Float
    peakHours: Float
    endHours: Float
    timeOnsetHours: Float
    timeEndHours: Float
    subject: [Entity!]! @relationship(type: "SUBJECT", direction: OUT)
    object: [Entity!]! @relationship(type: "OBJECT", direction: OUT)
    evidence: [Evidence!]! @relationship(type: "HAS_EVIDENCE", direction: OUT)
  }

  type Evidence @node(labels: ["Evidence"]) {
    id: ID!
    stance: String
    quote: String
    study: [Study!]! @relationship(type: "FROM", direction: OUT)
  }

  type Study @node(labels: ["Study"]) {
    id: ID!
    citation: String
    year: Int
    pmid: String
  }
`;

// The builder lives in common/ so that the server's export writes the same documents the client downloads.
export * from "../../../common/src/cytoscapeJson.js";

import type { StudyResolvers } from "../resolvers.generated.js";
import { parseArgs } from "../validation/parseArgs.js";
import { studyClaimsArgs } from "../validation/queryArgs.js";
import { decodeCursor, toConnection } from "./connection.js";
import { toPublicEnum } from "../enums.js";
import { claimShapeOf } from "../selection.js";

export const Study: StudyResolvers = {
  design: (study) => toPublicEnum(study.design),
  pubmedUrl: (study) => (study.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${study.pmid}/` : null),
  doiUrl: (study) => (study.doi ? `https://doi.org/${study.doi}` : null),
  claims: async (study, args, { loaders }, info) => {
    const { stance, first, after } = parseArgs(studyClaimsArgs, args);
    const shape = claimShapeOf(info, ["edges", "node"]);
    return toConnection(await loaders.studyClaims.load({ studyId: study.id, stance, first, after: decodeCursor(after), shape }));
  },
  history: (study, _, { loaders }) => loaders.history.load(study.id),
};

import type { Database } from "../db/index.js";
import { ClaimRepository } from "../db/repositories/claimRepository.js";
import { CurationRepository } from "../db/repositories/curationRepository.js";
import { EntityRepository } from "../db/repositories/entityRepository.js";
import { GraphRepository } from "../db/repositories/graphRepository.js";
import { StudyRepository } from "../db/repositories/studyRepository.js";
import { SourceRepository } from "../db/repositories/sourceRepository.js";
import { HistoryRepository } from "../db/repositories/historyRepository.js";
import { TokenRepository } from "../db/repositories/tokenRepository.js";
import { HypothesisRepository } from "../db/repositories/hypothesisRepository.js";

export interface Repositories {
  entities: EntityRepository;
  studies: StudyRepository;
  claims: ClaimRepository;
  graph: GraphRepository;
  history: HistoryRepository;
  tokens: TokenRepository;
  curation: CurationRepository;
  hypotheses: HypothesisRepository;
  sources: SourceRepository;
}

export function createRepositories(db: Database): Repositories {
  return {
    entities: new EntityRepository(db),
    studies: new StudyRepository(db),
    claims: new ClaimRepository(db),
    graph: new GraphRepository(db),
    history: new HistoryRepository(db),
    tokens: new TokenRepository(db),
    curation: new CurationRepository(db),
    hypotheses: new HypothesisRepository(db),
    sources: new SourceRepository(db),
  };
}

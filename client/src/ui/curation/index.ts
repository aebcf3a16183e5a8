export { createTokenControl } from "./tokenControl.js";
export { createProposeForm, type ProposeForm, type ProposeFormEvents } from "./proposeForm.js";
export { createAddEvidenceForm, type AddEvidenceEvents } from "./addEvidenceForm.js";
export { createReviewQueue, type ReviewQueueEvents } from "./reviewQueue.js";
export { createHistoryView } from "./historyView.js";

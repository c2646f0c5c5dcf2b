// The pure core: no browser APIs, imported by every context and by Node tests.

export type * from './types';
export { describeCloseCode, listCloseCodes } from './describe-close-code';
export { compareCloseCodes } from './compare-close-codes';
export { validateUtf8, utf8ByteLength, decodeUtf8 } from './utf8';
export { analyzeOutgoingText } from './analyze-outgoing-text';
export { checkCloseArguments, MAX_CLOSE_REASON_BYTES } from './close-arguments';
export { decodeClosePayload } from './close-payload';
export { sendStateFinding, READY_STATE } from './send-state-findings';
export { diagnoseClose, formatDuration, formatBytes, formatEvidenceTime, SCORE } from './diagnose';
export type * from './diagnosis/types';

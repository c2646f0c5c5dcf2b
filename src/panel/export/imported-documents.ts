// Document ids of imported files: a HAR becomes 'har:<n>' (our own HAR
// exports 'har:<n>/<original id>'), a session 'import:<n>:<original id>'.
// Live documents have random ids without a colon, so the two never collide.

import type { DocumentSource } from '../../protocol/envelope';

export const harDocId = (index: number): string => `har:${index}`;
export const harOwnDocId = (index: number, original: string): string => `har:${index}/${original}`;
export const sessionDocIdPrefix = (index: number): string => `import:${index}:`;

const IMPORTED = /^(har|import):/;

export function isImportedSource(source: DocumentSource): boolean {
  return IMPORTED.test(source.docId);
}

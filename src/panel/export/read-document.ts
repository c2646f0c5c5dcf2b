// Guards for the document-level parts of an imported session: the source a
// document's records came from, and its drop counts. Files are untrusted.

import { LIMITS } from '../../protocol/guard';
import type { DocumentSource, DropCounts } from '../../protocol/envelope';

const MAX_DOC_ID = 256;

type Obj = Record<string, unknown>;

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export function readDocumentSource(value: unknown): DocumentSource | null {
  const o = asObj(value);
  if (!o) return null;
  const { docId, frameUrl, isTop, frameId } = o;
  if (typeof docId !== 'string' || docId === '' || docId.length > MAX_DOC_ID) return null;
  if (typeof frameUrl !== 'string' || frameUrl.length > LIMITS.url || typeof isTop !== 'boolean') return null;
  const source: DocumentSource = { docId, frameUrl, isTop };
  if (frameId !== undefined) {
    const id = count(frameId);
    if (id === null) return null;
    source.frameId = id;
  }
  return source;
}

export function readDropCounts(value: unknown): DropCounts {
  const o = asObj(value);
  return { overflow: count(o?.overflow) ?? 0, rejected: count(o?.rejected) ?? 0 };
}

export function readCount(value: unknown): number | null {
  return count(value);
}

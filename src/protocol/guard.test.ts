import { describe, expect, it } from 'vitest';
import { PROTOCOL_TAG, PROTOCOL_VERSION } from './envelope';
import { LIMITS, readPageMessage, readPageRecord } from './guard';

const sent = {
  type: 'sent', seq: 3, time: 12.5, socket: 1, kind: 'text', size: 5, preview: 'hello', truncated: false,
  readyState: 1, bufferedAmount: 5, thrown: null,
  findings: [{ kind: 'nul', severity: 'warning', message: { en: 'NUL', ja: 'NUL' }, index: 2 }],
};
const batch = (records: unknown[]) => JSON.stringify({ tag: PROTOCOL_TAG, v: PROTOCOL_VERSION, type: 'batch', records });

describe('readPageRecord', () => {
  it('accepts a well-formed record and copies only known fields', () => {
    const record = readPageRecord({ ...sent, extra: 'dropped', __proto__: { polluted: true } });
    expect(record).toEqual(sent);
    expect(record).not.toHaveProperty('extra');
  });

  it.each([
    ['unknown type', { ...sent, type: 'evil' }],
    ['negative seq', { ...sent, seq: -1 }],
    ['fractional socket', { ...sent, socket: 1.5 }],
    ['string size', { ...sent, size: '5' }],
    ['oversized preview', { ...sent, preview: 'x'.repeat(LIMITS.preview + 1) }],
    ['bad finding kind', { ...sent, findings: [{ ...sent.findings[0], kind: 'xss' }] }],
    ['too many findings', { ...sent, findings: Array(LIMITS.findings + 1).fill(sent.findings[0]) }],
    ['readyState out of range', { ...sent, readyState: 7 }],
    ['null', null],
    ['an array holding a record', [sent]],
    ['closed with code 70000', { type: 'closed', seq: 1, time: 1, socket: 1, code: 70000, reason: '', wasClean: true }],
  ])('rejects %s', (_, value) => {
    expect(readPageRecord(value)).toBeNull();
  });
});

describe('readPageRecord: frames in their compact form', () => {
  const sentTuple = ['sent', 3, 12.5, 1, 'text', 5, 'hello', false, 1, 5, null, sent.findings];
  const received = { type: 'received', seq: 4, time: 13, socket: 1, kind: 'arraybuffer', size: 2048, preview: '00ff', truncated: true };
  const receivedTuple = ['received', 4, 13, 1, 'arraybuffer', 2048, '00ff', true];

  it('reads a sent and a received tuple into the same record as the keyed form, with the same keys in the same order', () => {
    const fromTuple = readPageRecord(sentTuple);
    expect(fromTuple).toEqual(readPageRecord(sent));
    expect(Object.keys(fromTuple!)).toEqual(Object.keys(readPageRecord(sent)!));
    expect(readPageRecord(receivedTuple)).toEqual(received);
    expect(Object.keys(readPageRecord(receivedTuple)!)).toEqual(Object.keys(readPageRecord(received)!));
  });

  it.each([
    ['a lifecycle type', ['closed', 1, 1, 1, 1000, '', true, 0]],
    ['an unknown type', ['evil', 3, 12.5, 1, 'text', 5, 'hello', false]],
    ['a received tuple one item short', receivedTuple.slice(0, 7)],
    ['a received tuple one item long', [...receivedTuple, 'x']],
    ['a sent tuple with a received length', sentTuple.slice(0, 8)],
    ['a bad kind', ['received', 4, 13, 1, 'script', 2048, '00ff', true]],
    ['a string seq', ['received', '4', 13, 1, 'text', 2, 'hi', false]],
    ['an oversized preview', ['received', 4, 13, 1, 'text', 2, 'x'.repeat(LIMITS.preview + 1), false]],
    ['readyState out of range', ['sent', 3, 12.5, 1, 'text', 5, 'hello', false, 9, 5, null, []]],
    ['bad findings', ['sent', 3, 12.5, 1, 'text', 5, 'hello', false, 1, 5, null, [{ kind: 'xss' }]]],
    ['a nested tuple', [receivedTuple]],
    ['an empty array', []],
  ])('rejects %s', (_, value) => {
    expect(readPageRecord(value)).toBeNull();
  });

  it('takes tuples and keyed records side by side in one batch', () => {
    const message = readPageMessage(batch([sentTuple, received, ['received', 5]]));
    expect(message).toEqual({ type: 'batch', records: [readPageRecord(sent), received], rejected: 1 });
  });
});

describe('readPageMessage', () => {
  it('keeps the valid records of a batch and counts the rest', () => {
    const message = readPageMessage(batch([sent, { ...sent, seq: 'x' }, 42]));
    expect(message).toEqual({ type: 'batch', records: [sent], rejected: 2 });
  });

  it.each([
    ['not a string', { tag: PROTOCOL_TAG }],
    ['bad JSON', '{'],
    ['wrong tag', JSON.stringify({ tag: 'other', v: PROTOCOL_VERSION, type: 'hello' })],
    ['wrong version', JSON.stringify({ tag: PROTOCOL_TAG, v: 99, type: 'hello' })],
    ['deeply nested JSON', '['.repeat(100_000) + ']'.repeat(100_000)],
  ])('ignores %s', (_, raw) => {
    expect(readPageMessage(raw)).toBeNull();
  });

  it('recognises the hello handshake', () => {
    expect(readPageMessage(JSON.stringify({ tag: PROTOCOL_TAG, v: PROTOCOL_VERSION, type: 'hello' }))).toEqual({ type: 'hello' });
  });
});

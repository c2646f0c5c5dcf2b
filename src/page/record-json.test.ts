import { afterEach, describe, expect, it } from 'vitest';
import { capturePrimordials } from './primordials';
import { recordJson } from './record-json';

const p = capturePrimordials(globalThis);

describe('recordJson', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).toJSON;
    delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
  });

  it('writes what JSON.stringify writes for record trees', () => {
    const record = {
      type: 'sent', seq: 3, time: 1712.25, socket: 1, kind: 'text', size: 0, preview: 'quote " backslash \\ nl \n \u0000 \uD800 é',
      truncated: false, thrown: null, skipped: undefined, findings: [{ kind: 'nul', index: null, message: { en: 'a', ja: 'い' } }],
      nested: [[1, 2], [], {}], negative: -0.5,
    };
    expect(recordJson(record, p)).toBe(JSON.stringify(record));
  });

  it('writes non-finite numbers as null, like JSON', () => {
    expect(recordJson({ a: NaN, b: Infinity, c: [-Infinity] }, p)).toBe('{"a":null,"b":null,"c":[null]}');
  });

  it('never looks up toJSON on the way (a page may define one on Object.prototype or Array.prototype)', () => {
    let calls = 0;
    const toJSON = () => {
      calls++;
      return 'changed';
    };
    Object.defineProperty(Object.prototype, 'toJSON', { value: toJSON, configurable: true, writable: true });
    Object.defineProperty(Array.prototype, 'toJSON', { value: toJSON, configurable: true, writable: true });
    const json = recordJson({ a: [1, { b: 'c' }], d: {} }, p);
    delete (Object.prototype as Record<string, unknown>).toJSON;
    delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
    expect(calls).toBe(0);
    expect(JSON.parse(json)).toEqual({ a: [1, { b: 'c' }], d: {} });
  });
});

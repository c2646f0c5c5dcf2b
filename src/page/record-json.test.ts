import { afterEach, describe, expect, it } from 'vitest';
import { capturePrimordials } from './primordials';
import { bytesPreview } from './payload-preview';
import { readPageRecord } from '../protocol/guard';
import { frameFieldsJson, frameTupleJson, frameTupleTail, recordJson, sentFieldsJson, sentTupleTail, timeJson } from './record-json';

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

describe('frame fields', () => {
  it('write what JSON.stringify writes for the same received and sent records', () => {
    const preview = 'quote " backslash \\ \u0000 \uD800 日本';
    expect(JSON.parse(`{${frameFieldsJson('text', 17, preview, true, p)}}`)).toEqual({ kind: 'text', size: 17, preview, truncated: true });
    const findings = [{ kind: 'nul', severity: 'warning', message: { en: 'a', ja: 'い' }, index: 3 }];
    for (const [thrown, list] of [[null, []], ['InvalidStateError', findings]] as const) {
      const sent = { kind: 'text' as const, size: 5, preview: 'he"y', truncated: false, readyState: 1, findings: [...list] as never[] };
      const expected = { kind: 'text', size: 5, preview: 'he"y', truncated: false, readyState: 1, bufferedAmount: 1024, thrown, findings: list };
      expect(`{${sentFieldsJson(sent, 1024, thrown, p)}}`).toBe(JSON.stringify(expected));
    }
  });
});

describe('frame tuples', () => {
  it('read back through the guard as the same records the keyed fields make', () => {
    const preview = 'quote " backslash \\ \u0000 \uD800 日本';
    const received = JSON.parse(frameTupleJson('received', 7, 1712.25, 2, frameTupleTail('text', 17, preview, true, p)));
    expect(readPageRecord(received)).toEqual({ type: 'received', seq: 7, time: 1712.25, socket: 2, kind: 'text', size: 17, preview, truncated: true });
    const findings = [{ kind: 'nul', severity: 'warning', message: { en: 'a', ja: 'い' }, index: 3 }];
    for (const [thrown, list] of [[null, []], ['InvalidStateError', findings]] as const) {
      const sent = { kind: 'text' as const, size: 5, preview: 'he"y', truncated: false, readyState: 1, findings: [...list] as never[] };
      const keyed = JSON.parse(`{"type":"sent","seq":8,"time":1713.5,"socket":2,${sentFieldsJson(sent, 1024, thrown, p)}}`);
      const tuple = JSON.parse(frameTupleJson('sent', 8, 1713.5, 2, sentTupleTail(sent, 1024, thrown, p)));
      expect(readPageRecord(tuple)).toEqual(readPageRecord(keyed));
      expect(readPageRecord(tuple)).not.toBeNull();
    }
  });

  it('write the hex preview of a binary head as it is', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const { preview, truncated } = bytesPreview(bytes, 256, 300, 1024);
    expect(JSON.parse(`[${frameTupleTail('arraybuffer', 300, preview, truncated, p)}]`)).toEqual(['arraybuffer', 300, preview, truncated]);
  });
});

describe('binary frame fields', () => {
  it('write the hex preview of bytesPreview as JSON.stringify would, for every byte and for none', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    for (const [head, length] of [[bytes, 256], [bytes.subarray(0, 0), 0]] as const) {
      const { preview, truncated } = bytesPreview(head, length, 300, 1024);
      for (const kind of ['arraybuffer', 'view', 'blob']) {
        expect(`{${frameFieldsJson(kind, 300, preview, truncated, p)}}`).toBe(JSON.stringify({ kind, size: 300, preview, truncated }));
      }
    }
  });
});

describe('timeJson', () => {
  it('writes a time to the microsecond, as a JSON number', () => {
    for (const time of [0, 0.0004, 0.0006, 1, 999.9996, 1_764_000_000_000.1234, 1_764_000_000_000.9999, performance.timeOrigin + performance.now()]) {
      const parsed = JSON.parse(timeJson(time)) as number;
      expect(Math.abs(parsed - time)).toBeLessThanOrEqual(0.0005 + time * Number.EPSILON);
    }
    expect(timeJson(1_764_000_000_000.5)).toBe('1764000000000.500');
    expect(timeJson(12.0456)).toBe('12.046');
  });

  it('writes each millisecond anew when times share one, step back or round up into the next', () => {
    const times = [1000.0004, 1000.25, 1000.9996, 1000.5, 1001.001, 999.999, 1_764_000_000_000.25];
    expect(times.map(timeJson)).toEqual(['1000.000', '1000.250', '1001.000', '1000.500', '1001.001', '999.999', '1764000000000.250']);
  });

  it('writes 0 for what is not a plausible time', () => {
    for (const time of [NaN, Infinity, -1, 1e20]) expect(timeJson(time)).toBe('0');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeClosePayload } from './close-payload';

/** A Close payload: 2-byte big-endian code, then the reason's bytes. */
function payload(code: number, reason: string | number[] = ''): Uint8Array {
  const body = typeof reason === 'string' ? Array.from(new TextEncoder().encode(reason)) : reason;
  return Uint8Array.from([code >> 8, code & 0xff, ...body]);
}

describe('decodeClosePayload', () => {
  it('an empty payload is legal and has no code (the page reports 1005)', () => {
    expect(decodeClosePayload(new Uint8Array(0))).toEqual({ code: null, reason: '', problems: [] });
  });

  it('a 1-byte payload is a protocol error', () => {
    const p = decodeClosePayload(Uint8Array.of(0x03));
    expect(p.code).toBeNull();
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain('RFC 6455 §5.5.1');
  });

  it.each([1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999])(
    'code %i is legal on the wire',
    (code) => {
      expect(decodeClosePayload(payload(code, 'why'))).toEqual({ code, reason: 'why', problems: [] });
    },
  );

  it.each([
    [1005, 'illegal', '§7.4.1'],
    [1006, 'illegal', '§7.4.1'],
    [1015, 'illegal', '§7.4.1'],
    [0, 'illegal', '§7.4.2'],
    [999, 'illegal', '§7.4.2'],
    [5000, 'illegal', '§7.4.2'],
    [65535, 'illegal', '§7.4.2'],
    [1004, 'not assigned', '§7.4.1'],
    [1016, 'not assigned', '§7.4.2'],
    [2999, 'not assigned', '§7.4.2'],
  ])('code %i is %s (%s)', (code, wording, cite) => {
    const p = decodeClosePayload(payload(code));
    expect(p.code).toBe(code);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain(`Close code ${code} is ${wording}`);
    expect(p.problems[0]).toContain(cite);
  });

  it('decodes a UTF-8 reason', () => {
    expect(decodeClosePayload(payload(4001, 'トークン期限切れ 😀'))).toEqual({ code: 4001, reason: 'トークン期限切れ 😀', problems: [] });
  });

  it('flags an invalid UTF-8 reason and shows it with replacement characters', () => {
    const p = decodeClosePayload(payload(1000, [0x6f, 0x6b, 0xc3, 0x28]));
    expect(p.reason).toBe('ok\uFFFD(');
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain('not valid UTF-8');
    expect(p.problems[0]).toContain('0x28 at reason offset 3, payload offset 5');
    expect(p.problems[0]).toContain('§8.1');
  });

  it('flags a reason cut inside a multi-byte sequence', () => {
    const p = decodeClosePayload(payload(1000, [0xe3, 0x81]));
    expect(p.reason).toBe('\uFFFD');
    expect(p.problems[0]).toContain('ends inside a multi-byte sequence');
  });

  it('rejects overlong and surrogate encodings the way browsers do', () => {
    expect(decodeClosePayload(payload(1000, [0xc0, 0xaf])).problems).toHaveLength(1);
    expect(decodeClosePayload(payload(1000, [0xed, 0xa0, 0x80])).problems).toHaveLength(1);
  });

  it('limits the payload to 125 bytes', () => {
    expect(decodeClosePayload(payload(1000, 'x'.repeat(123))).problems).toEqual([]);
    const p = decodeClosePayload(payload(1000, 'x'.repeat(124)));
    expect(p.reason).toBe('x'.repeat(124));
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain('126 bytes');
    expect(p.problems[0]).toContain('§5.5');
  });

  it('lists every problem at once', () => {
    const p = decodeClosePayload(payload(1006, [0xff, ...new Array(130).fill(0x61)]));
    expect(p.problems).toHaveLength(3);
  });

  it('never throws', () => {
    expect(decodeClosePayload(null as unknown as Uint8Array).problems).toEqual(['The payload could not be read as bytes.']);
    expect(decodeClosePayload(undefined as unknown as Uint8Array).code).toBeNull();
  });
});

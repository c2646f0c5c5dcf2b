import { describe, expect, it } from 'vitest';
import { checkCloseArguments, clampUnsignedShort } from './close-arguments';
import type { CloseArgumentsVerdict, FindingKind } from './types';

const kinds = (v: CloseArgumentsVerdict): FindingKind[] => v.findings.map((f) => f.kind);
const error = (v: CloseArgumentsVerdict) => (v.ok ? null : v.error);
const wire = (v: CloseArgumentsVerdict) => (v.ok ? v.wireCode : undefined);

describe('clampUnsignedShort (WebIDL [Clamp] unsigned short)', () => {
  it.each([
    [NaN, 0], [0, 0], [-0, 0], [-1, 0], [-Infinity, 0], [Infinity, 65535], [66536, 65535], [65535.5, 65535],
    [999.5, 1000], [1000.5, 1000], [1001.5, 1002], [2999.5, 3000], [3000.5, 3000], [4999.5, 5000], [1000.4, 1000], [1000.6, 1001], [0.5, 0], [1.5, 2],
  ])('%s → %s', (x, expected) => {
    expect(Object.is(clampUnsignedShort(x), expected)).toBe(true);
  });
});

describe('checkCloseArguments: the code', () => {
  it.each<[string, unknown, number | null]>([
    ['no code', undefined, null],
    ['1000', 1000, 1000],
    ['3000', 3000, 3000],
    ['4999', 4999, 4999],
    ['"1000"', '1000', 1000],
    ['" 3000 "', ' 3000 ', 3000],
    ['999.5 (rounds half to even)', 999.5, 1000],
    ['1000.5', 1000.5, 1000],
    ['3000.5', 3000.5, 3000],
    ['2999.5', 2999.5, 3000],
    ['[1000] (→ "1000")', [1000], 1000],
  ])('accepts %s', (_, code, expected) => {
    const v = checkCloseArguments(code);
    expect(v.ok).toBe(true);
    expect(wire(v)).toBe(expected);
  });

  it.each<[string, unknown, number]>([
    ['null', null, 0],
    ['NaN', NaN, 0],
    ['66536 (clamps, not wraps)', 66536, 65535],
    ['4999.5', 4999.5, 5000],
    ['2999', 2999, 2999],
    ['5000', 5000, 5000],
    ['1005', 1005, 1005],
    ['1001', 1001, 1001],
    ['0', 0, 0],
    ['-1', -1, 0],
    ['Infinity', Infinity, 65535],
    ['true', true, 1],
    ['{}', {}, 0],
    ['"string"', 'string', 0],
  ])('rejects %s with InvalidAccessError', (_, code, converted) => {
    const v = checkCloseArguments(code);
    expect(error(v)).toBe('InvalidAccessError');
    expect(v.ok ? '' : v.message).toBe(
      `Failed to execute 'close' on 'WebSocket': The code must be either 1000, or between 3000 and 4999. ${converted} is neither.`,
    );
    expect(kinds(v)).toContain('invalid-close-code');
  });

  it('explains protocol codes and suggests a private one', () => {
    const v = checkCloseArguments(1008);
    const finding = v.findings.find((f) => f.kind === 'invalid-close-code')!;
    expect(finding.severity).toBe('error');
    expect(finding.message.en).toContain('1008 (Policy Violation) is reserved');
    expect(finding.message.en).toContain('4008');
    expect(finding.message.ja).toContain('4008');
    expect(checkCloseArguments(1006).findings[0]!.message.en).toContain('never sent in a Close frame');
    expect(checkCloseArguments(66536).findings[0]!.message.en).toContain('65535 instead of wrapping');
  });

  it('spots a reason passed as the code', () => {
    const v = checkCloseArguments('bye');
    expect(v.findings[0]!.message.en).toContain('close(1000, "bye")');
  });

  it('flags where Chromium (truncation) differs from WebIDL rounding', () => {
    const low = checkCloseArguments(999.5);
    expect(low.ok).toBe(true);
    expect(low.findings).toEqual([expect.objectContaining({ kind: 'browser-difference', severity: 'info' })]);
    expect(low.findings[0]!.message.en).toMatch(/Chromium truncates.*999 and throws InvalidAccessError/);
    const high = checkCloseArguments(4999.5);
    expect(error(high)).toBe('InvalidAccessError');
    expect(kinds(high)).toEqual(['browser-difference', 'invalid-close-code']);
    expect(high.findings[0]!.message.en).toContain('accepts it as 4999');
    // Both browsers accept, but send different codes.
    expect(kinds(checkCloseArguments(3001.5))).toEqual(['browser-difference']);
    // Same result either way: nothing to say.
    expect(kinds(checkCloseArguments(1000.5))).toEqual([]);
    expect(kinds(checkCloseArguments(3000.25))).toEqual([]);
  });

  it('reports conversions that throw as TypeError', () => {
    expect(error(checkCloseArguments(Symbol('x')))).toBe('TypeError');
    expect(error(checkCloseArguments(1000n))).toBe('TypeError');
    expect(error(checkCloseArguments(1000, Symbol('r')))).toBe('TypeError');
    const custom = checkCloseArguments({ valueOf: () => { throw new RangeError('nope'); } });
    expect(error(custom)).toBe('TypeError');
    expect(custom.ok ? '' : custom.message).toContain('RangeError: nope');
    expect(kinds(custom)).toEqual(['invalid-close-code']);
  });

  it('converts code, then reason, before any check (WebIDL argument conversion)', () => {
    const log: string[] = [];
    const v = checkCloseArguments({ valueOf: () => (log.push('code'), 1) }, { toString: () => (log.push('reason'), 'r') });
    expect(log).toEqual(['code', 'reason']);
    expect(error(v)).toBe('InvalidAccessError');
  });
});

describe('checkCloseArguments: the reason', () => {
  const ok = (reason: string) => checkCloseArguments(1000, reason);
  it.each<[string, string, number]>([
    ['123 ASCII bytes', 'x'.repeat(123), 123],
    ['61 × é + 1 (123 bytes)', 'é'.repeat(61) + 'a', 123],
    ['41 × あ (123 bytes)', 'あ'.repeat(41), 123],
    ['30 emoji + 3 (123 bytes)', '😀'.repeat(30) + 'abc', 123],
    ['41 lone surrogates (41 × 3 = 123 bytes)', '\uD807'.repeat(41), 123],
    ['empty', '', 0],
  ])('accepts %s', (_, reason, bytes) => {
    const v = ok(reason);
    expect(v.ok).toBe(true);
    expect(v.ok && v.reasonBytes).toBe(bytes);
  });

  it.each<[string, string, number]>([
    ['124 ASCII bytes', 'x'.repeat(124), 124],
    ['62 × é', 'é'.repeat(62), 124],
    ['42 × あ', 'あ'.repeat(42), 126],
    ['31 emoji', '😀'.repeat(31), 124],
    ['42 lone surrogates (126 bytes)', '\uD807'.repeat(42), 126],
  ])('rejects %s with SyntaxError', (_, reason, bytes) => {
    const v = ok(reason);
    expect(error(v)).toBe('SyntaxError');
    expect(v.ok ? '' : v.message).toBe("Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes.");
    const finding = v.findings.find((f) => f.kind === 'close-reason-too-long')!;
    expect(finding.message.en).toContain(`${bytes} bytes`);
    expect(finding.message.ja).toContain(`${bytes} バイト`);
  });

  it('notes lone surrogates in the reason', () => {
    const v = ok('bye \uD800');
    expect(v.ok && v.reasonBytes).toBe(7);
    expect(v.findings).toEqual([expect.objectContaining({ kind: 'close-reason-lone-surrogate', severity: 'info' })]);
    expect(kinds(ok('\uD807'.repeat(42)))).toEqual(['close-reason-lone-surrogate', 'close-reason-too-long']);
    expect(kinds(ok('😀'))).toEqual([]);
  });

  it('checks the code before the reason', () => {
    expect(error(checkCloseArguments(1001, 'x'.repeat(200)))).toBe('InvalidAccessError');
  });

  it('converts non-string reasons with ToString', () => {
    const v = checkCloseArguments(1000, null);
    expect(v.ok && v.reasonBytes).toBe(4); // "null"
    expect(checkCloseArguments(1000, undefined)).toEqual({ ok: true, wireCode: 1000, reasonBytes: 0, findings: [] });
  });

  it('close(undefined, reason): accepted with no code on the wire, flagged as a browser difference', () => {
    const v = checkCloseArguments(undefined, 'bye');
    expect(v).toMatchObject({ ok: true, wireCode: null, reasonBytes: 3 });
    expect(v.findings).toEqual([expect.objectContaining({ kind: 'browser-difference', severity: 'info' })]);
    expect(v.findings[0]!.message.en).toContain('Chromium throws InvalidAccessError');
    expect(checkCloseArguments()).toEqual({ ok: true, wireCode: null, reasonBytes: 0, findings: [] });
  });

  it('writes every finding in English and Japanese', () => {
    const all = [
      ...checkCloseArguments(1008).findings,
      ...checkCloseArguments(999.5).findings,
      ...checkCloseArguments(undefined, 'x').findings,
      ...checkCloseArguments(1000, '\uD800'.repeat(50)).findings,
      ...checkCloseArguments(Symbol('s')).findings,
    ];
    for (const f of all) {
      expect(f.message.en.length).toBeGreaterThan(30);
      expect(f.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

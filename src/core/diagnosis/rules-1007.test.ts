import { describe, expect, it } from 'vitest';
import { diagnoseClose, type Diagnosis, type DiagnosisInput } from '../diagnose';
import { SEC, timeline } from './test-timeline';

function run(input: DiagnosisInput, locale: 'en' | 'ja' = 'en'): Diagnosis {
  const d = diagnoseClose(input, { locale });
  if (!d) throw new Error('expected a diagnosis');
  return d;
}
const ids = (d: Diagnosis) => d.causes.map((c) => c.id);
const cause = (d: Diagnosis, id: string) => {
  const c = d.causes.find((x) => x.id === id);
  if (!c) throw new Error(`no cause ${id} in ${ids(d).join(', ')}`);
  return c;
};

/** Opened at 0, plain JSON every second from 1 s to `plain` s. */
function chatty(plain = 5) {
  const b = timeline();
  b.created(0);
  b.open(100);
  for (let i = 1; i <= plain; i++) b.sendText(i * SEC, `{"n":${i}}`);
  return b;
}

describe('1007-lone-surrogate-sends', () => {
  it('names the flagged frames, closest last, and ranks the cause first', () => {
    const b = chatty();
    const far = b.sendText(10 * SEC, '{"t":"ab\uD83D"}');
    b.sendText(11 * SEC, '{"ok":1}');
    const near = b.sendText(29 * SEC, 'x\uDC00y\uD800');
    b.closed(30 * SEC, 1007, '');
    const d = run(b.build());
    expect(ids(d)[0]).toBe('1007-lone-surrogate-sends');
    const c = cause(d, '1007-lone-surrogate-sends');
    expect(c.evidence.map((e) => e.seq)).toEqual([far, near]);
    expect(c.evidence[0]!.label).toBe('Sent text frame #6 (13 bytes, 20 s before the close): contains 1 lone surrogate (first at index 8)');
    expect(c.evidence[1]!.label).toContain('contains 2 lone surrogates (first at index 1)');
    expect(c.explanation).toContain('U+FFFD');
    expect(c.explanation).toContain('cannot send invalid UTF-8');
  });

  it('scores a frame right before the close above one 25 s before, and two frames above one', () => {
    const score = (gaps: number[]) => {
      const b = chatty();
      for (const gap of gaps) b.sendText(40 * SEC - gap, 'a\uD800');
      b.closed(40 * SEC, 1007);
      return cause(run(b.build()), '1007-lone-surrogate-sends').score;
    };
    expect(score([500])).toBeGreaterThan(score([25 * SEC]));
    expect(score([20 * SEC, 500])).toBeGreaterThan(score([500]));
    expect(score([25 * SEC])).toBeGreaterThanOrEqual(0.6);
  });

  it('ignores a flagged frame older than 30 s that is not among the last 50 sends', () => {
    const b = timeline();
    b.open(0);
    b.sendText(1 * SEC, 'a\uD800');
    for (let i = 0; i < 60; i++) b.sendText(40 * SEC + i * 100, '{}');
    b.closed(50 * SEC, 1007);
    expect(ids(run(b.build()))).toEqual(['1007-malformed-payload']);
  });

  it('ignores a send() that threw: that frame never left', () => {
    const b = chatty();
    b.sendText(9 * SEC, 'a\uD800', 'InvalidStateError');
    b.closed(10 * SEC, 1007);
    expect(ids(run(b.build()))).toEqual(['1007-malformed-payload']);
  });

  it('still counts an old flagged frame that is among the last 50 sends', () => {
    const b = timeline();
    b.open(0);
    const old = b.sendText(1 * SEC, 'a\uD800');
    b.sendText(2 * SEC, '{}');
    b.closed(5 * 60 * SEC, 1007);
    expect(cause(run(b.build()), '1007-lone-surrogate-sends').evidence.map((e) => e.seq)).toEqual([old]);
  });
});

describe('1007-replacement-char-sends and 1007-binary-string-sends', () => {
  it('flags U+FFFD text and binary data in a string, each with its own frames', () => {
    const b = chatty();
    const fffd = b.sendText(8 * SEC, 'caf\uFFFD');
    const bin = b.sendText(9 * SEC, '\x89PNG\r\n\x1a\n\0\0\0\rIHDR');
    b.closed(10 * SEC, 1007);
    const d = run(b.build());
    expect(cause(d, '1007-replacement-char-sends').evidence.map((e) => e.seq)).toEqual([fffd]);
    expect(cause(d, '1007-replacement-char-sends').evidence[0]!.label).toContain('contains 1 U+FFFD replacement character (first at index 3)');
    expect(cause(d, '1007-binary-string-sends').evidence.map((e) => e.seq)).toEqual([bin]);
    expect(cause(d, '1007-nul-sends').evidence.map((e) => e.seq)).toEqual([bin]);
    expect(ids(d).indexOf('1007-replacement-char-sends')).toBeLessThan(ids(d).indexOf('1007-binary-string-sends'));
    expect(ids(d)).not.toContain('1007-malformed-payload');
  });

  it('does not suspect a STOMP-style trailing NUL', () => {
    const b = chatty();
    b.sendText(8 * SEC, 'SEND\ndestination:/q\n\nhi\0');
    b.closed(10 * SEC, 1007);
    expect(ids(run(b.build()))).toEqual(['1007-malformed-payload']);
  });
});

describe('1007-text-after-binary', () => {
  it('points at the last binary frame and the text frame that followed', () => {
    const b = timeline();
    b.open(0);
    b.sendBinary(1 * SEC, 40);
    b.sendBinary(2 * SEC, 40, 'view');
    const lastBinary = b.sendBinary(3 * SEC, 40);
    const text = b.sendText(4 * SEC, '{"op":"ping"}');
    b.closed(4.2 * SEC, 1007);
    const d = run(b.build());
    expect(ids(d)).toEqual(['1007-text-after-binary']);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([lastBinary, text]);
    expect(d.causes[0]!.explanation).toContain('3 of the 3 frames');
  });

  it('does not fire when the connection mostly sent text', () => {
    const b = chatty(4);
    b.sendBinary(5 * SEC, 10);
    b.sendText(6 * SEC, '{}');
    b.closed(7 * SEC, 1007);
    expect(ids(run(b.build()))).not.toContain('1007-text-after-binary');
  });
});

describe('1007-reason-says', () => {
  it('quotes an encoding reason and lifts the flagged-frame cause above it', () => {
    const b = chatty();
    const flagged = b.sendText(9 * SEC, 'a\uD800');
    const closed = b.closed(10 * SEC, 1007, 'Invalid UTF-8 sequence');
    const d = run(b.build());
    expect(ids(d)).toEqual(['1007-lone-surrogate-sends', '1007-reason-says']);
    expect(d.causes[0]!.score).toBeGreaterThan(d.causes[1]!.score);
    expect(d.causes[0]!.evidence[0]!.seq).toBe(flagged);
    const reason = d.causes[1]!;
    expect(reason.score).toBe(0.8);
    expect(reason.title).toContain('encoding');
    expect(reason.evidence).toEqual([expect.objectContaining({ seq: closed, quote: 'Invalid UTF-8 sequence' })]);
  });

  it('reads a JSON complaint as malformed content and names the last text frames', () => {
    const b = chatty(5);
    const closed = b.closed(10 * SEC, 1007, 'could not parse JSON');
    const d = run(b.build());
    expect(ids(d)).toEqual(['1007-reason-says']);
    expect(d.causes[0]!.title).toBe('The server says the payload was malformed');
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([closed, 105, 106, 107]);
  });
});

describe('1007-malformed-payload (fallback)', () => {
  it('is the only cause when nothing points anywhere, with the last three text frames', () => {
    const b = chatty(5);
    b.closed(10 * SEC, 1007);
    const d = run(b.build());
    expect(ids(d)).toEqual(['1007-malformed-payload']);
    expect(d.causes[0]!.score).toBe(0.2);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([105, 106, 107]);
    expect(d.comparison?.a.code).toBe(1007);
    expect(d.comparison?.b.code).toBe(1008);
    expect(d.initiator).toBe('server');
  });

  it('falls back to the close event when the page sent nothing', () => {
    const b = timeline();
    b.open(0);
    const closed = b.closed(1 * SEC, 1007);
    expect(run(b.build()).causes[0]!.evidence.map((e) => e.seq)).toEqual([closed]);
  });
});

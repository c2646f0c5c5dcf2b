import { describe, expect, it } from 'vitest';
import { diagnoseClose, type Diagnosis, type DiagnosisInput } from '../diagnose';
import { nearRoundLifetime } from './rules-1008-timing';
import { MIN, SEC, timeline } from './test-timeline';

function run(input: DiagnosisInput): Diagnosis {
  const d = diagnoseClose(input, { locale: 'en' });
  if (!d) throw new Error('expected a diagnosis');
  return d;
}
const ids = (d: Diagnosis) => d.causes.map((c) => c.id);

describe('1008-rejected-after-handshake', () => {
  it('fires for a close within 2 s of open after one frame, naming open, the frame and the close', () => {
    const b = timeline();
    b.created(0);
    const open = b.open(50);
    const auth = b.sendText(80, '{"type":"auth","token":"x"}');
    const closed = b.closed(650, 1008, '');
    const d = run(b.build());
    expect(ids(d)).toEqual(['1008-rejected-after-handshake']);
    expect(d.causes[0]!.score).toBe(0.75);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([open, auth, closed]);
    expect(d.causes[0]!.evidence[0]!.label).toBe('Connection opened; the close came 600 ms later');
    expect(d.comparison?.curated).toBe(true);
  });

  it('gets the reason bonus when the reason talks about auth or origin', () => {
    const b = timeline();
    b.open(0);
    b.closed(300, 1008, 'Origin not allowed');
    const d = run(b.build());
    expect(ids(d)).toEqual(['1008-rejected-after-handshake', '1008-reason-origin']);
    expect(d.causes[0]!.score).toBe(0.9);
    expect(d.causes[1]!.evidence[0]!.quote).toBe('Origin not allowed');
  });

  it('does not fire after two frames or after 2 s', () => {
    const two = timeline();
    two.open(0);
    two.sendText(10, 'a');
    two.sendText(20, 'b');
    two.closed(500, 1008);
    expect(ids(run(two.build()))).toEqual(['1008-policy-unnamed']);
    const late = timeline();
    late.open(0);
    late.closed(2500, 1008);
    expect(ids(run(late.build()))).toEqual(['1008-policy-unnamed']);
  });
});

describe('1008-rate-limit-burst', () => {
  /** One frame a second for 20 s, then `burst` frames in the last 0.5 s before a close at 21 s. */
  function burst(n: number, reason = '') {
    const b = timeline();
    b.open(0);
    for (let i = 1; i <= 20; i++) b.sendText(i * SEC - 500, `{"tick":${i}}`);
    const seqs: number[] = [];
    for (let i = 0; i < n; i++) seqs.push(b.sendText(20.5 * SEC + i * 40, '{"move":1}'));
    const closed = b.closed(21 * SEC, 1008, reason);
    return { input: b.build(), seqs, closed };
  }

  it('measures the last second against the average and names the burst frames', () => {
    const { input, seqs } = burst(12);
    const d = run(input);
    expect(ids(d)[0]).toBe('1008-rate-limit-burst');
    const c = d.causes[0]!;
    expect(c.score).toBe(0.75);
    expect(c.evidence[0]!.seq).toBe(seqs[11]);
    expect(c.evidence[0]!.label).toBe('12 frames (#21–#32) sent in the last second before the close: 12/s, against 1/s on average before');
    expect(c.evidence.slice(1).map((e) => e.seq)).toEqual([seqs[0], ...seqs.slice(8)]);
  });

  it('adds the reason bonus and a reason cause when the server says rate limit', () => {
    const d = run(burst(12, 'Rate limit exceeded').input);
    expect(ids(d)).toEqual(['1008-rate-limit-burst', '1008-reason-rate']);
    expect(d.causes[0]!.score).toBe(0.9);
    expect(d.causes[1]!.score).toBe(0.8);
  });

  it('does not fire for a pace like the usual one', () => {
    expect(ids(run(burst(2).input))).toEqual(['1008-policy-unnamed']);
  });
});

describe('1008-token-expiry', () => {
  it('recognises round lifetimes within 2 % or 5 s', () => {
    expect(nearRoundLifetime(60 * MIN + 40 * SEC)).toBe(60 * MIN);
    expect(nearRoundLifetime(10 * MIN - 4 * SEC)).toBe(10 * MIN);
    expect(nearRoundLifetime(24 * 60 * MIN - 20 * MIN)).toBe(24 * 60 * MIN);
    expect(nearRoundLifetime(7 * MIN)).toBeNull();
    expect(nearRoundLifetime(60 * SEC + 6 * SEC)).toBeNull();
  });

  it('points at the open and the close of a connection that lived 10 minutes', () => {
    const b = timeline();
    const open = b.open(0);
    b.sendText(5 * MIN, '{"op":"ping"}');
    const closed = b.closed(10 * MIN + 2 * SEC, 1008, 'Token expired');
    const d = run(b.build());
    expect(ids(d)).toEqual(['1008-reason-auth', '1008-token-expiry']);
    const expiry = d.causes[1]!;
    expect(expiry.score).toBe(0.75);
    expect(expiry.title).toBe('Closed after 10 min: a token or session probably expired');
    expect(expiry.evidence.map((e) => e.seq)).toEqual([open, closed]);
    expect(expiry.evidence[1]!.label).toContain('Closed 10 min 2 s after open, 2 s off a 10 min lifetime');
  });

  it('stays silent for a lifetime that is not round', () => {
    const b = timeline();
    b.open(0);
    b.closed(7 * MIN, 1008);
    expect(ids(run(b.build()))).toEqual(['1008-policy-unnamed']);
  });
});

describe('1008-reason-*', () => {
  it.each([
    ['Unauthorized', '1008-reason-auth'],
    ['Too many messages', '1008-reason-rate'],
    ['Policy violation: banned word', '1008-reason-policy'],
  ])('reads %j as %s and quotes it', (reason, id) => {
    const b = timeline();
    b.open(0);
    b.closed(5 * SEC, 1008, reason);
    const d = run(b.build());
    expect(ids(d)).toEqual([id]);
    expect(d.causes[0]!.evidence[0]!.quote).toBe(reason);
  });
});

describe('1008-policy-unnamed (fallback)', () => {
  it('names the last frame sent when nothing else fits', () => {
    const b = timeline();
    b.open(0);
    b.sendText(3 * SEC, 'a');
    const last = b.sendText(4 * SEC, 'b');
    const closed = b.closed(9 * SEC, 1008);
    const d = run(b.build());
    expect(d.causes[0]!.score).toBe(0.2);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([closed, last]);
  });
});

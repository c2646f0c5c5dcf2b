import { describe, expect, it } from 'vitest';
import { diagnoseClose, type Diagnosis, type DiagnosisInput } from '../diagnose';
import { privateEquivalent } from './rules-page-close-threw';
import { SEC, timeline } from './test-timeline';

function run(input: DiagnosisInput): Diagnosis {
  const d = diagnoseClose(input, { locale: 'en' });
  if (!d) throw new Error('expected a diagnosis');
  return d;
}
const ids = (d: Diagnosis) => d.causes.map((c) => c.id);

describe('1009-large-sends', () => {
  it('names the three largest recent frames, largest first', () => {
    const b = timeline();
    b.open(0);
    b.sendText(1 * SEC, 'small');
    const mid = b.sendBinary(2 * SEC, 20_000);
    const big = b.sendBinary(3 * SEC, 2 * 1024 * 1024);
    const third = b.sendBinary(4 * SEC, 9_000);
    b.sendText(5 * SEC, 'tiny');
    b.closed(6 * SEC, 1009);
    const d = run(b.build());
    expect(ids(d)).toEqual(['1009-large-sends']);
    const c = d.causes[0]!;
    expect(c.score).toBe(0.75);
    expect(c.title).toBe('The largest recent frame was 2.0 MiB');
    expect(c.evidence.map((e) => e.seq)).toEqual([big, mid, third]);
    expect(c.evidence[0]!.label).toBe('Sent binary (ArrayBuffer) frame #3 (2.0 MiB, 3 s before the close): the largest frame sent recently');
  });

  it('is direct when the reason names a limit the frame exceeds', () => {
    const b = timeline();
    b.open(0);
    const big = b.sendText(1 * SEC, 'x'.repeat(70_000));
    const closed = b.closed(2 * SEC, 1009, 'Max frame length of 65536 has been exceeded.');
    const c = run(b.build()).causes[0]!;
    expect(c.score).toBe(0.9);
    expect(c.evidence.map((e) => e.seq)).toEqual([big, closed]);
    expect(c.evidence[0]!.label).toContain('over the 65536-byte limit named in the reason');
  });

  it('falls back when no frame was sent recently', () => {
    const b = timeline();
    b.open(0);
    b.closed(1 * SEC, 1009);
    expect(ids(run(b.build()))).toEqual(['1009-no-frames-recorded']);
  });
});

describe('1001-server-going-away', () => {
  it('treats a received 1001 as the server going away and advises backoff', () => {
    const b = timeline();
    b.open(0);
    const closed = b.closed(5 * SEC, 1001, 'server restarting');
    const d = run(b.build());
    expect(d.initiator).toBe('server');
    expect(ids(d)).toEqual(['1001-server-going-away']);
    expect(d.causes[0]!.score).toBe(0.9);
    expect(d.causes[0]!.evidence[0]).toMatchObject({ seq: closed, quote: 'server restarting' });
    expect(d.causes[0]!.explanation).toContain('never receives its own 1001');
    expect(d.causes[0]!.explanation).toContain('exponential backoff');
  });
});

describe('1011–1014 (server state)', () => {
  it.each([
    [1011, '1011-server-internal-error', 0.75],
    [1012, '1012-service-restart', 0.9],
    [1013, '1013-try-again-later', 0.9],
    [1014, '1014-bad-gateway', 0.9],
  ])('%i → %s with the reason and reconnect advice', (code, id, score) => {
    const b = timeline();
    b.open(0);
    b.closed(10 * SEC, code, 'upstream said no');
    const c = run(b.build()).causes[0]!;
    expect(c.id).toBe(id);
    expect(c.score).toBe(score);
    expect(c.explanation).toContain('The reason says "upstream said no".');
    expect(c.explanation).toContain('backoff');
  });

  it('1011 names a frame sent moments before as a possible trigger', () => {
    const b = timeline();
    b.open(0);
    const trigger = b.sendText(9 * SEC, '{"op":"crash"}');
    const closed = b.closed(10 * SEC, 1011);
    expect(run(b.build()).causes[0]!.evidence.map((e) => e.seq)).toEqual([closed, trigger]);
  });
});

describe('1005 (no status)', () => {
  it('1005-page-closed-without-code: the page called close() with no code', () => {
    const b = timeline();
    b.open(0);
    const req = b.closeRequest(1 * SEC, null);
    const closed = b.closed(1.1 * SEC, 1005);
    const d = run(b.build());
    expect(d.initiator).toBe('page');
    expect(d.initiatorExplanation).toContain('close() without a status code');
    expect(ids(d)).toEqual(['1005-page-closed-without-code']);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([req, closed]);
  });

  it('1005-server-answered-without-code: the page gave a code, the server did not echo it', () => {
    const b = timeline();
    b.open(0);
    b.closeRequest(1 * SEC, 1000, 'done');
    b.closed(1.1 * SEC, 1005);
    expect(ids(run(b.build()))).toEqual(['1005-server-answered-without-code']);
  });

  it('1005-server-sent-empty-close: nobody on the page asked', () => {
    const b = timeline();
    b.open(0);
    b.closed(1 * SEC, 1005);
    const d = run(b.build());
    expect(d.initiator).toBe('server');
    expect(ids(d)).toEqual(['1005-server-sent-empty-close']);
  });
});

describe('1000 (normal closure)', () => {
  it('1000-page-closed quotes the stack of the close() call', () => {
    const b = timeline();
    b.open(0);
    const req = b.closeRequest(2 * SEC, 1000, 'bye');
    b.closed(2.05 * SEC, 1000, 'bye');
    const d = run(b.build());
    expect(d.initiator).toBe('page');
    expect(d.initiatorExplanation).toContain('echoed code 1000');
    expect(d.causes[0]!.id).toBe('1000-page-closed');
    expect(d.causes[0]!.score).toBe(0.9);
    expect(d.causes[0]!.evidence[0]).toMatchObject({ seq: req, quote: expect.stringContaining('at closeSocket') });
    expect(d.causes[0]!.evidence[0]!.label).toBe('The page called close(1000, "bye") (50 ms before the close)');
  });

  it('1000-server-closed names the last frame from the server', () => {
    const b = timeline();
    b.open(0);
    const last = b.receive(1 * SEC, 10);
    const closed = b.closed(2 * SEC, 1000, 'logout');
    const d = run(b.build());
    expect(d.initiator).toBe('server');
    expect(d.causes[0]!.id).toBe('1000-server-closed');
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([closed, last]);
  });
});

describe('page-close-threw', () => {
  it('explains close(1008) throwing and suggests 4008, on a close that came later from the server', () => {
    const b = timeline();
    b.open(0);
    const threw = b.closeRequest(1 * SEC, 1008, 'rate', 'InvalidAccessError');
    b.closed(5 * SEC, 1000);
    const d = run(b.build());
    expect(d.initiator).toBe('server');
    expect(ids(d)).toEqual(['1000-server-closed', 'page-close-threw']);
    const c = d.causes[1]!;
    expect(c.score).toBe(0.6);
    expect(c.title).toBe("The page's close() threw InvalidAccessError");
    expect(c.explanation).toContain('such as 4008');
    expect(c.explanation).toContain('the socket stayed open');
    expect(c.evidence.map((e) => e.seq)).toEqual([threw]);
    expect(c.evidence[0]!.label).toContain('close(1008, "rate")');
    expect(privateEquivalent(1011)).toBe(4011);
    expect(privateEquivalent(2500)).toBe(4000);
  });

  it('explains a SyntaxError for a long reason and notes the later successful close()', () => {
    const b = timeline();
    b.open(0);
    b.closeRequest(1 * SEC, 4000, 'x'.repeat(124), 'SyntaxError');
    b.closeRequest(2 * SEC, 4000, 'short');
    b.closed(2.1 * SEC, 4000, 'short');
    const d = run(b.build());
    expect(d.initiator).toBe('page');
    expect(ids(d)).toEqual(['page-closed', 'page-close-threw']);
    expect(d.causes[1]!.score).toBe(0.45);
    expect(d.causes[1]!.explanation).toContain('124 UTF-8 bytes');
    expect(d.causes[1]!.explanation).toContain('again later');
  });
});

describe('reserved-code-on-wire', () => {
  it('flags a clean close with 1006 or 1015 as the server breaking RFC 6455', () => {
    for (const code of [1006, 1015]) {
      const b = timeline();
      b.open(0);
      b.closed(1 * SEC, code, '', true);
      const d = run(b.build());
      expect(d.initiator).toBe('server');
      expect(ids(d)).toEqual(['reserved-code-on-wire']);
      expect(d.causes[0]!.score).toBe(0.9);
    }
  });

  it('does not flag 1005 (an empty Close frame) or an unclean 1006', () => {
    const clean1005 = timeline();
    clean1005.open(0);
    clean1005.closed(1 * SEC, 1005, '', true);
    expect(ids(run(clean1005.build()))).not.toContain('reserved-code-on-wire');
    const unclean = timeline();
    unclean.open(0);
    unclean.closed(1 * SEC, 1006, '', false);
    expect(ids(run(unclean.build()))).not.toContain('reserved-code-on-wire');
  });
});

describe('4000–4999 (app meanings)', () => {
  it('app-code-meaning: a meaning the subprotocol proves ranks high, alone', () => {
    const b = timeline('wss://example.test/graphql', ['graphql-transport-ws']);
    b.open(0, 'graphql-transport-ws');
    b.closed(1 * SEC, 4401, 'Unauthorized');
    const d = run(b.build());
    expect(ids(d)).toEqual(['app-code-meaning']);
    expect(d.causes[0]!.score).toBe(0.9);
    expect(d.causes[0]!.title).toContain('Unauthorized: operation attempted before ConnectionAck');
    expect(d.causes[0]!.explanation).toContain('subprotocol graphql-transport-ws');
  });

  it('app-code-candidate-*: without context, each library is a low-score possibility', () => {
    const b = timeline();
    b.open(0);
    b.closed(1 * SEC, 4401);
    const d = run(b.build());
    expect(ids(d).slice(0, 2)).toEqual(['likely-cause-1', 'app-code-candidate-graphql-ws']);
    expect(d.causes.find((c) => c.id === 'app-code-candidate-graphql-ws')!.score).toBe(0.3);
    expect(ids(d)).toContain('app-code-candidate-hocuspocus');
  });

  it('page-closed: a private code the page chose itself', () => {
    const b = timeline();
    b.open(0);
    const req = b.closeRequest(1 * SEC, 4123, 'user left');
    b.closed(1.1 * SEC, 4123, 'user left');
    const d = run(b.build());
    expect(ids(d)).toEqual(['page-closed']);
    expect(d.causes[0]!.evidence[0]!.seq).toBe(req);
  });
});

describe('likely-cause-* (any other code)', () => {
  it("lists the registry's likely causes in order with falling scores", () => {
    const b = timeline();
    b.open(0);
    const closed = b.closed(1 * SEC, 1002, 'bad frame');
    const d = run(b.build());
    expect(d.causes.length).toBe(d.info.likelyCauses.length);
    expect(d.causes.map((c) => c.title)).toEqual(d.info.likelyCauses);
    expect(d.causes.map((c) => c.score).slice(0, 3)).toEqual([0.35, 0.3, 0.25]);
    expect(d.causes[0]!.evidence[0]).toMatchObject({ seq: closed, quote: 'bad frame' });
  });
});

import { describe, expect, it } from 'vitest';
// Type-only: proves the panel's Connection satisfies DiagnosisInput (checked by tsc).
import type { Connection } from '../panel/store/model';
import { diagnoseClose, formatDuration, type DiagnosisInput, type NetworkEvidence } from './diagnose';
import { MIN, SEC, timeline } from './diagnosis/test-timeline';

const connectionIsInput = (c: Connection): DiagnosisInput => c;
void connectionIsInput;

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** One timeline per rule family, to check properties every diagnosis must have. */
const SCENARIOS: Record<string, () => DiagnosisInput> = {
  '1007 lone surrogates': () => {
    const b = timeline();
    b.open(0);
    b.sendText(1 * SEC, 'a\uD800');
    b.closed(2 * SEC, 1007, 'invalid utf-8');
    return b.build();
  },
  '1007 text after binary': () => {
    const b = timeline();
    b.open(0);
    b.sendBinary(1 * SEC, 10);
    b.sendText(2 * SEC, 'x');
    b.closed(3 * SEC, 1007);
    return b.build();
  },
  '1008 burst + expiry': () => {
    const b = timeline();
    b.open(0);
    for (let i = 0; i < 20; i++) b.sendText(5 * MIN - 900 + i * 40, '{}');
    b.closed(5 * MIN, 1008, 'rate limit');
    return b.build();
  },
  '1008 handshake': () => {
    const b = timeline();
    b.open(0);
    b.closed(100, 1008, 'invalid token');
    return b.build();
  },
  '1006 utf8 (HAR)': () => {
    const b = timeline();
    b.open(0);
    b.receive(1 * SEC, 3);
    b.error(2 * SEC);
    b.closed(2 * SEC, 1006, '', false);
    return b.build({ source: 'har', status: 101, errors: ['Could not decode a text frame as UTF-8.'] });
  },
  '1006 refused': () => {
    const b = timeline();
    b.created(0);
    b.error(50);
    b.closed(51, 1006, '', false);
    return b.build({ unavailable: 'DevTools was closed' });
  },
  '1006 idle': () => {
    const b = timeline();
    b.open(0);
    b.closed(60 * SEC, 1006, '', false);
    return b.build();
  },
  '1006 connecting': () => {
    const b = timeline();
    b.created(0);
    b.closeRequest(10, null);
    b.closed(11, 1006, '', false);
    return b.build();
  },
  '1009': () => {
    const b = timeline();
    b.open(0);
    b.sendBinary(1 * SEC, 5_000_000);
    b.closed(2 * SEC, 1009);
    return b.build();
  },
  '1001 + threw': () => {
    const b = timeline();
    b.open(0);
    b.closeRequest(1 * SEC, 1001, '', 'InvalidAccessError');
    b.closed(2 * SEC, 1001);
    return b.build();
  },
  '1005 page': () => {
    const b = timeline();
    b.open(0);
    b.closeRequest(1 * SEC, null);
    b.closed(2 * SEC, 1005);
    return b.build();
  },
  '1012': () => {
    const b = timeline();
    b.open(0);
    b.closed(2 * SEC, 1012);
    return b.build();
  },
  '1000 server': () => {
    const b = timeline();
    b.open(0);
    b.receive(1 * SEC, 4);
    b.closed(2 * SEC, 1000);
    return b.build();
  },
  '4401 graphql-ws': () => {
    const b = timeline('wss://x.test/graphql', ['graphql-transport-ws']);
    b.open(0, 'graphql-transport-ws');
    b.closed(2 * SEC, 4401);
    return b.build();
  },
  '1006 clean (on wire)': () => {
    const b = timeline();
    b.open(0);
    b.closed(2 * SEC, 1006, '', true);
    return b.build();
  },
  '1002': () => {
    const b = timeline();
    b.open(0);
    b.closed(2 * SEC, 1002);
    return b.build();
  },
};

describe('diagnoseClose: every diagnosis', () => {
  it.each(Object.keys(SCENARIOS))('%s: causes sorted, each with evidence that exists in the timeline', (name) => {
    const input = SCENARIOS[name]!();
    const seqs = new Set(input.timeline.map((r) => r.seq));
    const d = diagnoseClose(input)!;
    expect(d.causes.length).toBeGreaterThan(0);
    const scores = d.causes.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(d.causes.map((c) => c.id)).size).toBe(d.causes.length);
    for (const c of d.causes) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(0.9);
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) {
        if (e.seq !== null) expect(seqs.has(e.seq)).toBe(true);
        else expect(e.quote).toBeTruthy();
      }
    }
  });

  it.each(Object.keys(SCENARIOS))('%s: Japanese text throughout when locale is ja', (name) => {
    const input = SCENARIOS[name]!();
    const ja = diagnoseClose(input, { locale: 'ja' })!;
    const en = diagnoseClose(input, { locale: 'en' })!;
    expect(ja.initiatorExplanation).toMatch(JAPANESE);
    expect(en.initiatorExplanation).not.toMatch(JAPANESE);
    expect(ja.causes.map((c) => c.id)).toEqual(en.causes.map((c) => c.id));
    for (const c of ja.causes) {
      // Library meanings (app-code-meaning titles) are quoted from English docs.
      if (c.id !== 'app-code-meaning') expect(c.title).toMatch(JAPANESE);
      expect(c.explanation).toMatch(JAPANESE);
      for (const e of c.evidence) expect(e.label).toMatch(JAPANESE);
    }
    for (const c of en.causes) {
      expect(c.explanation).not.toMatch(JAPANESE);
      for (const e of c.evidence) expect(e.label).not.toMatch(JAPANESE);
    }
  });
});

describe('diagnoseClose: the header', () => {
  it('returns null until the socket has closed', () => {
    const b = timeline();
    b.open(0);
    expect(diagnoseClose(b.build())).toBeNull();
  });

  it('reports code, wasClean, reason and its UTF-8 byte length, and context-aware info', () => {
    const b = timeline('wss://x.test/graphql', ['graphql-transport-ws']);
    b.open(0, 'graphql-transport-ws');
    b.closed(1 * SEC, 4401, 'café ✓');
    const d = diagnoseClose(b.build(), { locale: 'ja' })!;
    expect(d).toMatchObject({ code: 4401, wasClean: true, reason: 'café ✓', reasonBytes: 9 });
    expect(d.info.appMeanings[0]!.certain).toBe(true);
    expect(d.comparison).toBeUndefined();
  });

  it.each([
    ['1000 echo of close(1000)', 1000, 'page'],
    ['1005 after close()', 1005, 'page'],
  ] as const)('initiator: %s → %s', (_name, code, initiator) => {
    const b = timeline();
    b.open(0);
    b.closeRequest(1 * SEC, code === 1005 ? null : 1000);
    b.closed(2 * SEC, code);
    expect(diagnoseClose(b.build())!.initiator).toBe(initiator);
  });

  it('initiator: a close() that threw does not make the page the initiator', () => {
    const b = timeline();
    b.open(0);
    b.closeRequest(1 * SEC, 1008, '', 'InvalidAccessError');
    b.closed(2 * SEC, 1008);
    const d = diagnoseClose(b.build())!;
    expect(d.initiator).toBe('server');
    expect(d.comparison?.curated).toBe(true);
  });

  it('initiator: browser for 1006 and for a socket that never opened; server for an unclean coded close', () => {
    const never = timeline();
    never.created(0);
    never.closed(5, 1006, '', false);
    expect(diagnoseClose(never.build())!.initiator).toBe('browser');
    const unclean = timeline();
    unclean.open(0);
    unclean.closed(5, 1011, 'oops', false);
    const d = diagnoseClose(unclean.build())!;
    expect(d.initiator).toBe('server');
    expect(d.initiatorExplanation).toContain('wasClean false');
  });

  it('initiator: an unclean server close after a send that left data queued names the backlog (Chromium), not the handshake', () => {
    const b = timeline();
    b.open(0);
    b.sendText(10, 'steady', null, 0);
    for (let i = 1; i <= 10; i++) b.sendText(1 * SEC, `burst ${i}`, null, 7 * i);
    b.closed(1 * SEC + 5, 1008, 'rate limit exceeded', false);
    const chrome = diagnoseClose(b.build(), { browser: 'chrome' })!;
    expect(chrome.initiator).toBe('server');
    expect(chrome.initiatorExplanation).toContain('sent frame #11 bufferedAmount was 70 bytes');
    expect(chrome.initiatorExplanation).toContain('dropped, never sent');
    expect(chrome.initiatorExplanation).not.toContain('did not finish cleanly');
    const ja = diagnoseClose(b.build(), { browser: 'chrome', locale: 'ja' })!;
    expect(ja.initiatorExplanation).toContain('送信フレーム #11');
    // Firefox's wasClean does not depend on the send queue: the plain wording.
    const firefox = diagnoseClose(b.build(), { browser: 'firefox' })!;
    expect(firefox.initiatorExplanation).toContain('did not finish cleanly');
    // Nothing queued after the last send: the plain wording in Chromium too.
    const drained = timeline();
    drained.open(0);
    drained.sendText(10, 'one', null, 0);
    drained.closed(1 * SEC, 1008, '', false);
    expect(diagnoseClose(drained.build(), { browser: 'chrome' })!.initiatorExplanation).toContain('did not finish cleanly');
  });

  it('ignores records after the close and unknown browser values', () => {
    const b = timeline();
    b.open(0);
    b.closed(1 * SEC, 1007);
    b.sendText(2 * SEC, 'a\uD800');
    const network: NetworkEvidence = { unavailable: 'n/a' };
    const d = diagnoseClose(b.build(network), { browser: 'safari' as never })!;
    expect(d.causes.map((c) => c.id)).toEqual(['1007-malformed-payload']);
  });
});

describe('formatDuration', () => {
  it('prints ms, seconds, minutes and hours in both languages', () => {
    expect(formatDuration(850, 'en')).toBe('850 ms');
    expect(formatDuration(12_340, 'en')).toBe('12.3 s');
    expect(formatDuration(59_990, 'en')).toBe('1 min');
    expect(formatDuration(10 * MIN + 400, 'en')).toBe('10 min 0.4 s');
    expect(formatDuration(2 * 60 * MIN + 5 * MIN, 'ja')).toBe('2 時間 5 分');
    expect(formatDuration(1500, 'ja')).toBe('1.5 秒');
  });
});

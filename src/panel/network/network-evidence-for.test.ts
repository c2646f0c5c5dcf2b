import { describe, expect, it } from 'vitest';
import { diagnosisNetworkFor, networkEvidenceFor, networkUnavailableText } from './network-evidence-for';
import type { NetworkContext, NetworkEvidence, NetworkUnavailableReason } from './types';

const T0 = Date.parse('2026-05-01T10:00:00.000Z');
const live = { docId: 'doc-a', frameUrl: 'http://127.0.0.1:8080/', isTop: true };
const evidence: NetworkEvidence = { source: 'har', status: 0, errors: ['HTTP Authentication failed; no valid credentials available'], frames: 0 };
const map = new Map([['doc-a:1', evidence]]);
const chrome: NetworkContext = { browser: 'chrome', devtools: true, since: T0 };

const connection = (key: string, createdAt: number, closedAt: number | null = null, docId = 'doc-a') => ({
  key,
  source: { ...live, docId },
  createdAt,
  close: closedAt === null ? null : { time: closedAt },
});

describe('networkEvidenceFor', () => {
  it('returns the matched evidence', () => {
    expect(networkEvidenceFor(connection('doc-a:1', T0 + 5), map, chrome)).toBe(evidence);
  });

  it('says why there is none', () => {
    const why = (c: ReturnType<typeof connection>, context: NetworkContext) => networkEvidenceFor(c, map, context);
    expect(why(connection('doc-a:2', T0 + 5), { ...chrome, browser: 'firefox', devtools: false })).toEqual({ unavailable: 'firefox' });
    expect(why(connection('doc-a:2', T0 + 5), { browser: 'chrome', devtools: false, since: null })).toEqual({ unavailable: 'not-in-devtools' });
    expect(why(connection('doc-a:2', T0 - 900, T0 - 100), chrome)).toEqual({ unavailable: 'closed-before-devtools' });
    expect(why(connection('doc-a:2', T0 - 900, T0 + 100), chrome)).toEqual({ unavailable: 'opened-before-devtools' });
    expect(why(connection('doc-a:2', T0 - 900), chrome)).toEqual({ unavailable: 'opened-before-devtools' });
    expect(why(connection('doc-a:2', T0 + 5), chrome)).toEqual({ unavailable: 'not-found' });
    expect(why(connection('har:1:2', T0 + 5, null, 'har:1'), chrome)).toEqual({ unavailable: 'imported' });
    expect(why(connection('import:1:doc-a:2', T0 + 5, null, 'import:1:doc-a'), chrome)).toEqual({ unavailable: 'imported' });
  });

  it('gives the diagnosis the evidence, or the reason in words', () => {
    expect(diagnosisNetworkFor(connection('doc-a:1', T0 + 5), map, chrome, 'en')).toBe(evidence);
    expect(diagnosisNetworkFor(connection('doc-a:2', T0 + 5), map, { ...chrome, browser: 'firefox' }, 'ja')).toEqual({
      unavailable: networkUnavailableText('firefox', 'ja'),
    });
  });

  it('has a sentence in both languages for every reason', () => {
    const reasons: NetworkUnavailableReason[] = ['firefox', 'not-in-devtools', 'closed-before-devtools', 'opened-before-devtools', 'not-found', 'imported'];
    for (const reason of reasons) {
      expect(networkUnavailableText(reason, 'en')).toMatch(/\.$/);
      expect(networkUnavailableText(reason, 'ja')).toMatch(/。$/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { describeCloseCode, listCloseCodes } from './describe-close-code';
import type { CloseCodeInfo, CloseCodeRange } from './types';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function expectCompleteText(info: CloseCodeInfo, japanese: boolean): void {
  const strings = [info.name, info.title, info.summary, info.whenYouSeeIt, ...info.likelyCauses, ...info.fixes, info.source];
  for (const s of strings) expect(s.trim().length).toBeGreaterThan(0);
  expect(info.likelyCauses.length).toBeGreaterThan(0);
  expect(info.fixes.length).toBeGreaterThan(0);
  for (const s of [info.title, info.summary, info.whenYouSeeIt, ...info.likelyCauses, ...info.fixes]) {
    if (japanese) expect(s).toMatch(JAPANESE);
    else expect(s).not.toMatch(JAPANESE);
  }
}

describe('describeCloseCode: any number', () => {
  const weird = [Number.NaN, -1, 1.5, 65536, 1e20, Infinity, -Infinity, 5000, 65535, 999.5, -0, Number.MAX_VALUE, Number.MIN_VALUE];

  for (const code of weird) {
    it(`answers for ${Object.is(code, -0) ? '-0' : String(code)} in both locales without throwing`, () => {
      const en = describeCloseCode(code);
      const ja = describeCloseCode(code, { locale: 'ja' });
      expect(Object.is(en.code, code)).toBe(true);
      expectCompleteText(en, false);
      expectCompleteText(ja, true);
      expect(en.pageMayUse).toBe(false);
      expect(en.appMeanings).toEqual([]);
    });
  }

  it('classifies non-integers, negatives and 5000+ as invalid, and names them so', () => {
    for (const code of [Number.NaN, -1, 1.5, 65536, 1e20, Infinity, -Infinity, 5000, 65535, 999.5]) {
      const info = describeCloseCode(code);
      expect(info.range).toBe('invalid');
      expect(info.name).toBe('Invalid close code');
      expect(info.severity).toBe('error');
    }
  });

  it('never throws for junk arguments a forged message could carry', () => {
    const junk: unknown[] = ['1000', null, undefined, {}, [], true, 10n];
    for (const value of junk) {
      expect(() => describeCloseCode(value as number)).not.toThrow();
      expect(describeCloseCode(value as number).range).toBe('invalid');
    }
    expect(() => describeCloseCode(1000, null as unknown as undefined)).not.toThrow();
    expect(() => describeCloseCode(4004, { url: 42 as unknown as string, protocol: {} as unknown as string })).not.toThrow();
  });

  it('answers for every integer from -10 to 70000', () => {
    for (let code = -10; code <= 70000; code++) {
      const info = describeCloseCode(code);
      if (info.summary.length === 0 || info.name.length === 0) throw new Error(`empty text for ${code}`);
    }
  });
});

describe('describeCloseCode: ranges and names', () => {
  const table: [number, CloseCodeRange, string][] = [
    [0, 'unused', 'Not used (0–999)'],
    [999, 'unused', 'Not used (0–999)'],
    [1000, 'protocol', 'Normal Closure'],
    [1005, 'protocol', 'No Status Rcvd'],
    [1007, 'protocol', 'Invalid frame payload data'],
    [1008, 'protocol', 'Policy Violation'],
    [1016, 'protocol', 'Unassigned (1016–2999)'],
    [2999, 'protocol', 'Unassigned (1016–2999)'],
    [3000, 'registered', 'Unauthorized'],
    [3001, 'registered', 'Unregistered (3000–3999)'],
    [3003, 'registered', 'Forbidden'],
    [3008, 'registered', 'Timeout'],
    [3999, 'registered', 'Unregistered (3000–3999)'],
    [4000, 'private', 'Private use (4000–4999)'],
    [4999, 'private', 'Private use (4000–4999)'],
    [5000, 'invalid', 'Invalid close code'],
  ];
  it.each(table)('%i is in range %s and named %s', (code, range, name) => {
    const info = describeCloseCode(code);
    expect(info.range).toBe(range);
    expect(info.name).toBe(name);
    expect(describeCloseCode(code, { locale: 'ja' }).name).toBe(name);
  });

  it('gives 1007 a friendlier, localized title but keeps the registry name', () => {
    const en = describeCloseCode(1007);
    const ja = describeCloseCode(1007, { locale: 'ja' });
    expect(en.title).toBe('Invalid Payload Data');
    expect(ja.title).toBe('不正なペイロードデータ');
    expect(ja.name).toBe('Invalid frame payload data');
  });

  it('defaults to English, also for unknown locales', () => {
    expect(describeCloseCode(1008).summary).toBe(describeCloseCode(1008, { locale: 'en' }).summary);
    expect(describeCloseCode(1008, { locale: 'fr' as 'en' }).summary).toBe(describeCloseCode(1008).summary);
    expect(describeCloseCode(1008, { locale: 'ja' }).summary).toMatch(JAPANESE);
  });

  it('gives every listed code complete text in both locales', () => {
    for (const code of listCloseCodes()) {
      expectCompleteText(describeCloseCode(code), false);
      expectCompleteText(describeCloseCode(code, { locale: 'ja' }), true);
    }
  });

  it('explains the private range honestly, in both locales', () => {
    expect(describeCloseCode(4123).summary).toContain('agreed between your client and server');
    expect(describeCloseCode(4123, { locale: 'ja' }).summary).toContain('プライベート用途');
    expect(describeCloseCode(2500).summary).toContain('IANA has not assigned');
    expect(describeCloseCode(3500).summary).toContain('not registered');
  });

  it('returns fresh arrays that callers may change', () => {
    describeCloseCode(1007).likelyCauses.length = 0;
    expect(describeCloseCode(1007).likelyCauses.length).toBeGreaterThan(0);
  });
});

describe('describeCloseCode: wire and page rules', () => {
  it.each([
    [1000, true],
    [1001, true],
    [1004, true],
    [1005, false],
    [1006, false],
    [1007, true],
    [1008, true],
    [1015, false],
    [3000, true],
    [4000, true],
    [999, true],
    [65535, true],
    [65536, false],
    [1.5, false],
    [Number.NaN, false],
    [-1, false],
  ])('sentOnWire(%s) is %s', (code, expected) => {
    expect(describeCloseCode(code).sentOnWire).toBe(expected);
  });

  it.each([
    [1000, true],
    [3000, true],
    [3001, true],
    [3999, true],
    [4000, true],
    [4999, true],
    [999, false],
    [1001, false],
    [1005, false],
    [1006, false],
    [1007, false],
    [1008, false],
    [1015, false],
    [2999, false],
    [5000, false],
    [1000.5, false],
    [Number.NaN, false],
  ])('pageMayUse(%s) is %s', (code, expected) => {
    expect(describeCloseCode(code).pageMayUse).toBe(expected);
  });

  it('rates severity', () => {
    expect(describeCloseCode(1000).severity).toBe('ok');
    for (const code of [1001, 1005, 1012, 1013]) expect(describeCloseCode(code).severity).toBe('warning');
    for (const code of [1002, 1006, 1007, 1008, 1009, 1011]) expect(describeCloseCode(code).severity).toBe('error');
  });
});

describe('describeCloseCode: library meanings', () => {
  it('attributes 4401 to graphql-ws when the subprotocol is graphql-transport-ws', () => {
    const { appMeanings } = describeCloseCode(4401, { protocol: 'graphql-transport-ws' });
    expect(appMeanings).toHaveLength(1);
    const [meaning] = appMeanings;
    expect(meaning!.certain).toBe(true);
    expect(meaning!.library).toContain('graphql-ws');
    expect(meaning!.meaning).toContain('Unauthorized');
    expect(meaning!.matchedBy).toBe('subprotocol graphql-transport-ws');
  });

  it('attributes 4004 to the Discord Gateway by host', () => {
    const { appMeanings } = describeCloseCode(4004, { url: 'wss://gateway.discord.gg/?v=10&encoding=json' });
    expect(appMeanings).toHaveLength(1);
    expect(appMeanings[0]).toMatchObject({
      library: 'Discord Gateway',
      certain: true,
      matchedBy: 'host gateway.discord.gg',
      reconnect: false,
    });
    expect(appMeanings[0]!.meaning).toContain('Authentication failed');
  });

  it('lists 4004 candidates from several libraries, none certain, without context', () => {
    const { appMeanings } = describeCloseCode(4004);
    expect(appMeanings.length).toBeGreaterThan(3);
    expect(appMeanings.every((m) => !m.certain && m.matchedBy === undefined)).toBe(true);
    const libraries = appMeanings.map((m) => m.library);
    expect(libraries).toContain('Discord Gateway');
    expect(libraries).toContain('Discord Voice Gateway');
    expect(libraries).toContain('Pusher Channels protocol');
    expect(libraries).toContain('Twitch EventSub WebSocket');
  });

  it('recognises other services by subprotocol or host', () => {
    const cases: [number, { protocol?: string; url?: string }, string, string][] = [
      [4014, { url: 'wss://c-ord05-ab12cd34.discord.media/?v=8' }, 'Discord Voice Gateway', 'should not reconnect'],
      [4004, { url: 'wss://ws-mt1.pusher.com/app/key?protocol=7' }, 'Pusher Channels protocol', 'connection quota'],
      [4003, { url: 'wss://eventsub.wss.twitch.tv/ws' }, 'Twitch EventSub WebSocket', 'Connection unused'],
      [4009, { protocol: 'obswebsocket.json' }, 'obs-websocket v5 (OBS Studio)', 'AuthenticationFailed'],
      [4009, { protocol: 'obswebsocket.msgpack' }, 'obs-websocket v5 (OBS Studio)', 'AuthenticationFailed'],
      [3500, { url: 'wss://rt.example.com/connection/websocket' }, 'Centrifuge', 'invalid token'],
      [4005, { url: 'wss://example.com/socketcluster/' }, 'SocketCluster', '#handshake'],
    ];
    for (const [code, context, library, meaning] of cases) {
      const { appMeanings } = describeCloseCode(code, context);
      expect(appMeanings, `${code} ${JSON.stringify(context)}`).toHaveLength(1);
      expect(appMeanings[0]!.certain).toBe(true);
      expect(appMeanings[0]!.library).toContain(library);
      expect(appMeanings[0]!.meaning).toContain(meaning);
    }
  });

  it('prefers the subprotocol over the host', () => {
    const { appMeanings } = describeCloseCode(4004, { protocol: 'graphql-transport-ws', url: 'wss://gateway.discord.gg/' });
    expect(appMeanings).toHaveLength(1);
    expect(appMeanings[0]!.library).toContain('graphql-ws');
  });

  it('returns nothing when the recognised service does not define the code', () => {
    expect(describeCloseCode(4401, { url: 'wss://gateway.discord.gg/' }).appMeanings).toEqual([]);
  });

  it('does not trust look-alike hosts or the legacy graphql-ws subprotocol', () => {
    for (const context of [
      { url: 'wss://gateway.discord.gg.evil.example/' },
      { url: 'wss://notpusher.com/app/key' },
      { url: 'wss://example.com/?host=gateway.discord.gg' },
      { protocol: 'graphql-ws' },
    ]) {
      const { appMeanings } = describeCloseCode(4004, context);
      expect(appMeanings.length).toBeGreaterThan(1);
      expect(appMeanings.some((m) => m.certain)).toBe(false);
    }
  });

  it('treats bad URL strings as no context', () => {
    const baseline = describeCloseCode(4004).appMeanings;
    for (const url of ['not a url', '', 'wss://', 'http://[::1', '::::', '\u0000', 'wss://%zz']) {
      expect(() => describeCloseCode(4004, { url })).not.toThrow();
      expect(describeCloseCode(4004, { url }).appMeanings).toEqual(baseline);
    }
  });

  it('lists Centrifugo as a candidate for its unregistered 3xxx codes and the clashing IANA ones', () => {
    for (const code of [3000, 3008, 3500, 3012]) {
      const libraries = describeCloseCode(code).appMeanings.map((m) => m.library);
      expect(libraries.some((l) => l.startsWith('Centrifuge'))).toBe(true);
    }
    expect(describeCloseCode(3000).name).toBe('Unauthorized');
  });

  it('has no library meanings for codes nobody defines', () => {
    expect(describeCloseCode(1007).appMeanings).toEqual([]);
    expect(describeCloseCode(4777).appMeanings).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCloseCodeEntry, listCloseCodes } from './close-code-registry';
import { APP_CLOSE_CODES } from './app-close-codes';
import { describeCloseCode } from './describe-close-code';
import type { Locale } from './types';

// The shared reference table sits beside the repository (../shared/reference).
const REFERENCE_PATH = fileURLToPath(new URL('../../../shared/reference/close-codes.json', import.meta.url));
// The reference sits beside the repository (../shared) on developer machines
// and in CI; under CI=true its absence fails the run instead of skipping.
const HAS_REFERENCE = existsSync(REFERENCE_PATH) || process.env.CI === 'true';

interface ReferenceCode {
  code: number;
  name: string;
  mustNotBeSentOnWire: boolean;
  scriptMaySend: boolean;
}
interface ReferenceAppCode {
  code: number;
  library: string;
  meaning: string;
  reconnect?: boolean;
}
interface Reference {
  codes: ReferenceCode[];
  appCodes: ReferenceAppCode[];
}

const reference: Reference = HAS_REFERENCE
  ? (JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')) as Reference)
  : { codes: [], appCodes: [] };

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LOCALES: Locale[] = ['en', 'ja'];

describe('listCloseCodes', () => {
  it('lists every RFC 6455 §7.4.1 and IANA code, ascending', () => {
    const codes = listCloseCodes();
    const expected = [
      1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 3000, 3003,
      3008,
    ];
    expect(codes).toEqual(expected);
  });

  it('returns a fresh array each time', () => {
    listCloseCodes().pop();
    expect(listCloseCodes()).toHaveLength(19);
  });
});

describe('registry text', () => {
  for (const code of listCloseCodes()) {
    for (const locale of LOCALES) {
      it(`${code} has complete ${locale} text`, () => {
        const entry = getCloseCodeEntry(code);
        expect(entry).toBeDefined();
        const text = entry!.text[locale];
        const strings = [text.title, text.summary, text.whenYouSeeIt, ...text.likelyCauses, ...text.fixes];
        expect(text.likelyCauses.length).toBeGreaterThan(0);
        expect(text.fixes.length).toBeGreaterThan(0);
        for (const s of strings) {
          expect(s.trim().length).toBeGreaterThan(0);
          if (locale === 'ja') expect(s).toMatch(JAPANESE);
          else expect(s).not.toMatch(JAPANESE);
        }
      });
    }
  }

  it('does not reuse the English text as the Japanese one', () => {
    for (const code of listCloseCodes()) {
      const { en, ja } = getCloseCodeEntry(code)!.text;
      expect(ja.summary).not.toBe(en.summary);
      expect(ja.whenYouSeeIt).not.toBe(en.whenYouSeeIt);
    }
  });
});

describe('deep content for 1006, 1007 and 1008', () => {
  const en = (code: number) => {
    const t = getCloseCodeEntry(code)!.text.en;
    return [t.summary, t.whenYouSeeIt, ...t.likelyCauses, ...t.fixes].join('\n');
  };
  const ja = (code: number) => {
    const t = getCloseCodeEntry(code)!.text.ja;
    return [t.summary, t.whenYouSeeIt, ...t.likelyCauses, ...t.fixes].join('\n');
  };

  it('1007 explains UTF-8, who sent it, the browser split and the fixes', () => {
    const text = en(1007);
    for (const needle of [
      'non-UTF-8',
      'binary data is accidentally sent as a text frame',
      'U+FFFD',
      'lone surrogates',
      'server',
      'Firefox sends 1007',
      'Chromium sends 1002',
      '1006',
      'binary frames',
      'TextEncoder',
      'isWellFormed',
      'toWellFormed',
      'String.fromCharCode',
      'schema',
    ]) {
      expect(text).toContain(needle);
    }
    const textJa = ja(1007);
    for (const needle of ['UTF-8', 'U+FFFD', '孤立サロゲート', 'Firefox', '1006', 'バイナリフレーム', 'TextEncoder', 'isWellFormed', 'toWellFormed', 'String.fromCharCode']) {
      expect(textJa).toContain(needle);
    }
  });

  it('1008 covers rate limits, auth after the handshake, content and origin', () => {
    const text = en(1008);
    for (const needle of ['rate limit', 'authentication after the handshake', 'token', 'Forbidden content', 'Origin', '1003', '1009']) {
      expect(text).toContain(needle);
    }
    const textJa = ja(1008);
    for (const needle of ['レート制限', 'ハンドシェイク後の認証', 'トークン', '禁止された内容', 'Origin', '1003', '1009']) {
      expect(textJa).toContain(needle);
    }
  });

  it('1006 says why script learns nothing, and lists the failure kinds', () => {
    const text = en(1006);
    for (const needle of ['never exposed to JavaScript', 'TLS', 'network', 'UTF-8', 'Chromium then sends 1002', 'Firefox sends 1007', 'idle timeout', 'never sent on the wire']) {
      expect(text).toContain(needle);
    }
    expect(ja(1006)).toContain('JavaScript には一切公開されません');
  });

  it('1005 and 1015 are described as never on the wire', () => {
    expect(en(1005)).toContain('ws.close() with no arguments');
    expect(en(1015)).toContain('never sent on the wire');
    expect(en(1015)).toContain('1006');
  });
});

describe.skipIf(!HAS_REFERENCE)('cross-check with reference/close-codes.json', () => {
  it('has an entry for exactly the reference codes', () => {
    expect(listCloseCodes()).toEqual(reference.codes.map((c) => c.code).sort((a, b) => a - b));
  });

  it('uses the registry names exactly, in both locales', () => {
    for (const ref of reference.codes) {
      expect(getCloseCodeEntry(ref.code)?.name).toBe(ref.name);
      expect(describeCloseCode(ref.code).name).toBe(ref.name);
      expect(describeCloseCode(ref.code, { locale: 'ja' }).name).toBe(ref.name);
    }
  });

  it('agrees on what is sent on the wire and what a page may send', () => {
    for (const ref of reference.codes) {
      const info = describeCloseCode(ref.code);
      expect(info.sentOnWire, `sentOnWire ${ref.code}`).toBe(!ref.mustNotBeSentOnWire);
      expect(info.pageMayUse, `pageMayUse ${ref.code}`).toBe(ref.scriptMaySend);
    }
  });

  it('transcribes every appCodes row', () => {
    expect(APP_CLOSE_CODES).toHaveLength(reference.appCodes.length);
    expect(APP_CLOSE_CODES).toHaveLength(110);
    reference.appCodes.forEach((ref, i) => {
      const row = APP_CLOSE_CODES[i]!;
      expect([row.code, row.library, row.meaning, row.reconnect]).toEqual([ref.code, ref.library, ref.meaning, ref.reconnect]);
    });
  });
});

// Compares two close codes for the reference view: hand-written content for
// the pairs users confuse (curated-comparisons*.ts), and a comparison built
// from both descriptions for any other pair of numbers.

import type { CloseCodeComparison, CloseCodeInfo, CloseCodeRange, Locale } from './types';
import { describeCloseCode, resolveLocale } from './describe-close-code';
import { getCloseCodeEntry } from './close-code-registry';
import { findCuratedComparison } from './curated-comparisons';

const RANGE_LABEL: Readonly<Record<Locale, Readonly<Record<CloseCodeRange, string>>>> = {
  en: {
    unused: 'the unused block (0–999)',
    protocol: 'the protocol range (1000–2999)',
    registered: 'the IANA-registrable range (3000–3999)',
    private: 'the private-use range (4000–4999)',
    invalid: 'no valid range',
  },
  ja: {
    unused: '未使用の範囲（0〜999）',
    protocol: 'プロトコル用の範囲（1000〜2999）',
    registered: 'IANA に登録できる範囲（3000〜3999）',
    private: 'プライベート用途の範囲（4000〜4999）',
    invalid: 'どの有効な範囲にも属さない',
  },
};

const SEVERITY_LABEL: Readonly<Record<Locale, Readonly<Record<CloseCodeInfo['severity'], string>>>> = {
  en: { ok: 'a normal end', warning: 'worth a look', error: 'a failure' },
  ja: { ok: '正常な終了', warning: '注意が必要な終了', error: '失敗による終了' },
};

function label(info: CloseCodeInfo, locale: Locale): string {
  return locale === 'ja' ? `${info.code}（${info.title}）` : `${info.code} (${info.title})`;
}

/** Codes no server should pick: local-only, undefined, reserved or outside every range. */
function mustNotSend(info: CloseCodeInfo): boolean {
  if (!info.sentOnWire || info.range === 'invalid' || info.range === 'unused') return true;
  if (info.range === 'protocol' && !getCloseCodeEntry(info.code)) return true;
  return info.code === 1004;
}

function whenToUse(info: CloseCodeInfo, locale: Locale): string {
  const name = label(info, locale);
  if (mustNotSend(info)) {
    return locale === 'ja'
      ? `${name}は送信に使わないでください。${info.summary}`
      : `Do not send ${name}. ${info.summary}`;
  }
  return locale === 'ja'
    ? `${name}を選ぶのは、次の説明が状況に合うときです：${info.summary}`
    : `Choose ${name} when this describes the situation: ${info.summary}`;
}

function differences(a: CloseCodeInfo, b: CloseCodeInfo, locale: Locale): string[] {
  const ja = locale === 'ja';
  const sep = ja ? '：' : ': ';
  const out = [`${label(a, locale)}${sep}${a.summary}`, `${label(b, locale)}${sep}${b.summary}`];
  // Object.is also treats NaN as the same as NaN.
  if (Object.is(a.code, b.code) || a.code === b.code) {
    out.unshift(ja ? '同じコードどうしの比較なので、違いはありません。' : 'Both are the same code, so there is no difference.');
    return out;
  }
  if (a.range !== b.range) {
    const [ra, rb] = [RANGE_LABEL[locale][a.range], RANGE_LABEL[locale][b.range]];
    out.push(ja ? `${a.code} は${ra}、${b.code} は${rb}にあります。` : `${a.code} is in ${ra}; ${b.code} is in ${rb}.`);
  }
  if (a.sentOnWire !== b.sentOnWire) {
    const [local, wire] = a.sentOnWire ? [b, a] : [a, b];
    out.push(
      ja
        ? `${local.code} はクローズフレームに載ることがなく、エンドポイントが手元で報告するだけの値です。${wire.code} は相手が送ってくるコードです。`
        : `${local.code} never appears in a Close frame (an endpoint only reports it locally); ${wire.code} is sent by the peer.`,
    );
  }
  if (a.pageMayUse !== b.pageMayUse) {
    const [ok, no] = a.pageMayUse ? [a, b] : [b, a];
    out.push(
      ja
        ? `ページは close(${ok.code}) を呼べますが、close(${no.code}) は InvalidAccessError を投げます。`
        : `A page may call close(${ok.code}); close(${no.code}) throws InvalidAccessError.`,
    );
  }
  if (a.severity !== b.severity) {
    const [sa, sb] = [SEVERITY_LABEL[locale][a.severity], SEVERITY_LABEL[locale][b.severity]];
    out.push(ja ? `${a.code} での終了は${sa}、${b.code} での終了は${sb}です。` : `A close with ${a.code} is ${sa}; with ${b.code} it is ${sb}.`);
  }
  return out;
}

/**
 * Compare two close codes in either order. Curated pairs (1007 vs 1008, and
 * each of them vs 1002, 1003, 1009) have hand-written text; any other pair,
 * including invalid numbers, gets a comparison built from both descriptions.
 */
export function compareCloseCodes(a: number, b: number, locale?: Locale): CloseCodeComparison {
  const loc = resolveLocale(locale);
  const infoA = describeCloseCode(a, { locale: loc });
  const infoB = describeCloseCode(b, { locale: loc });
  const curated = findCuratedComparison(a, b);
  if (curated && a !== b) {
    const [forA, forB] = curated.codes[0] === a ? curated.whenToUse : [curated.whenToUse[1], curated.whenToUse[0]];
    return {
      a: infoA,
      b: infoB,
      keyDifferences: [...curated.keyDifferences[loc]],
      whenToUseA: forA[loc],
      whenToUseB: forB[loc],
      curated: true,
    };
  }
  return {
    a: infoA,
    b: infoB,
    keyDifferences: differences(infoA, infoB, loc),
    whenToUseA: whenToUse(infoA, loc),
    whenToUseB: whenToUse(infoB, loc),
    curated: false,
  };
}

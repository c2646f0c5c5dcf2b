// What `WebSocket.close(code, reason)` does with its arguments, exactly as
// WebIDL and the WHATWG WebSockets Standard say, with findings that explain a
// throw and flag where Chromium and Firefox part from the spec.

import type { CloseArgumentsVerdict, Finding } from './types';
import { utf8ByteLength } from './utf8';

/** RFC 6455 §5.5: a control frame payload is ≤ 125 bytes, 2 of them the status code. */
export const MAX_CLOSE_REASON_BYTES = 123;

const PREFIX = "Failed to execute 'close' on 'WebSocket': ";

/**
 * WebIDL ConvertToInt(x, 16, "unsigned") with [Clamp], after ToNumber:
 * NaN → 0; clamp to 0..65535 (so ±Infinity → 0 / 65535); round half to even; −0 → +0.
 * @see WebIDL §3.2.4 "Integer types" (ConvertToInt, [Clamp] steps)
 */
export function clampUnsignedShort(x: number): number {
  if (Number.isNaN(x)) return 0;
  const clamped = Math.min(Math.max(x, 0), 65535);
  const floor = Math.floor(clamped);
  const frac = clamped - floor;
  const rounded = frac > 0.5 ? floor + 1 : frac < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  return rounded + 0;
}

/** @see WHATWG WebSockets Standard, close() step 1 */
const mayUse = (code: number) => code === 1000 || (code >= 3000 && code <= 4999);

/**
 * Names of the codes a page most often tries. Kept here, not imported from the
 * registry, so the page hook does not bundle every close-code explanation.
 */
const PROTOCOL_NAMES: Record<number, string> = {
  1001: 'Going Away', 1002: 'Protocol Error', 1003: 'Unsupported Data', 1004: 'Reserved',
  1005: 'No Status Received', 1006: 'Abnormal Closure', 1007: 'Invalid Frame Payload Data',
  1008: 'Policy Violation', 1009: 'Message Too Big', 1010: 'Mandatory Extension',
  1011: 'Internal Error', 1012: 'Service Restart', 1013: 'Try Again Later', 1014: 'Bad Gateway',
  1015: 'TLS Handshake',
};

/** Primitives as written in code; objects are not stringified (that would run page code again). */
const show = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : value !== null && (typeof value === 'object' || typeof value === 'function') ? 'the object' : String(value);

/**
 * The verdict of `close(code, reason)` for arguments as the page passed them
 * (`undefined` = not present). Conversion order is WebIDL's: code (ToNumber),
 * then reason (ToString, lone surrogates → U+FFFD); then the code check
 * (InvalidAccessError), then the reason's UTF-8 length (SyntaxError).
 *
 * Objects are converted like the browser does, which runs their own
 * valueOf/toString: callers that must not run page code twice should pass
 * primitives only.
 *
 * @see WHATWG WebSockets Standard §close() (https://websockets.spec.whatwg.org/#dom-websocket-close)
 * @see WebIDL §3.2.4 [Clamp] unsigned short; §3.2.11 USVString
 */
export function checkCloseArguments(code?: unknown, reason?: unknown): CloseArgumentsVerdict {
  const findings: Finding[] = [];
  let x: number | null = null;
  let reasonText: string | null = null;
  try {
    if (code !== undefined) x = +(code as number); // ToNumber: throws TypeError for Symbol and BigInt
  } catch (error) {
    return conversionFailure('code', error, findings);
  }
  try {
    if (reason !== undefined) reasonText = `${reason as string}`; // ToString: throws TypeError for Symbol
  } catch (error) {
    return conversionFailure('reason', error, findings);
  }

  const wireCode = x === null ? null : clampUnsignedShort(x);
  if (x !== null && wireCode !== null) {
    const difference = fractionalCodeDifference(x, wireCode);
    if (difference) findings.push(difference);
  } else if (reasonText !== null) {
    findings.push(reasonWithoutCode());
  }
  if (wireCode !== null && !mayUse(wireCode)) {
    findings.push(invalidCodeFinding(code, x!, wireCode));
    return {
      ok: false,
      error: 'InvalidAccessError',
      message: `${PREFIX}The code must be either 1000, or between 3000 and 4999. ${wireCode} is neither.`,
      findings,
    };
  }

  const reasonBytes = reasonText === null ? 0 : utf8ByteLength(reasonText);
  const lone = reasonText === null ? 0 : countLoneSurrogates(reasonText);
  if (lone > 0) findings.push(loneSurrogateFinding(lone));
  if (reasonBytes > MAX_CLOSE_REASON_BYTES) {
    findings.push(reasonTooLongFinding(reasonBytes, reasonText!.length, lone));
    return { ok: false, error: 'SyntaxError', message: `${PREFIX}The message must not be greater than ${MAX_CLOSE_REASON_BYTES} bytes.`, findings };
  }
  return { ok: true, wireCode, reasonBytes, findings };
}

function conversionFailure(which: 'code' | 'reason', error: unknown, findings: Finding[]): CloseArgumentsVerdict {
  const isTypeError = error instanceof TypeError;
  const detail = isTypeError ? (error as TypeError).message : `the ${which}'s own conversion threw ${describeThrown(error)}`;
  findings.push({
    kind: 'invalid-close-code',
    severity: 'error',
    index: null,
    message: {
      en: `close() threw before doing anything: converting the ${which} failed (${detail}). The ${which === 'code' ? 'code must be a number such as 1000 or 4000 (a Symbol or BigInt cannot be converted)' : 'reason must be a string (a Symbol cannot be converted)'}.`,
      ja: `close() は何もしないうちに例外を投げました。${which === 'code' ? 'コード' : '理由（reason）'}の変換に失敗しています（${detail}）。${which === 'code' ? 'コードには 1000 や 4000 のような数値を渡してください（Symbol や BigInt は変換できません）。' : '理由には文字列を渡してください（Symbol は変換できません）。'}`,
    },
  });
  return { ok: false, error: 'TypeError', message: isTypeError ? (error as TypeError).message : `${PREFIX}${detail}`, findings };
}

function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'an exception';
  }
}

/**
 * Chromium 156 truncates a fractional code instead of rounding half to even
 * (close(999.5) throws there, close(4999.5) is accepted); Firefox follows WebIDL.
 * The verdict follows WebIDL; this finding says where Chromium differs.
 */
function fractionalCodeDifference(x: number, webidl: number): Finding | null {
  if (!Number.isFinite(x) || Number.isInteger(x)) return null;
  const chromium = Math.trunc(Math.min(Math.max(x, 0), 65535));
  if (chromium === webidl) return null;
  const outcome = (code: number, ja: boolean) =>
    mayUse(code) ? (ja ? `${code} として受け付けます` : `accepts it as ${code}`) : ja ? `${code} になり InvalidAccessError を投げます` : `makes it ${code} and throws InvalidAccessError`;
  return {
    kind: 'browser-difference',
    severity: 'info',
    index: null,
    message: {
      en: `close(${x}): WebIDL [Clamp] rounds the code to the nearest integer (ties to even), so Firefox ${outcome(webidl, false)}; Chromium truncates instead and ${outcome(chromium, false)}. Pass an integer code.`,
      ja: `close(${x}): WebIDL の [Clamp] は最も近い整数（ちょうど中間なら偶数）に丸めるので、Firefox は ${outcome(webidl, true)}。Chromium は切り捨てるため ${outcome(chromium, true)}。コードには整数を渡してください。`,
    },
  };
}

function reasonWithoutCode(): Finding {
  return {
    kind: 'browser-difference',
    severity: 'info',
    index: null,
    message: {
      en: 'close(undefined, reason): by the spec the code is absent, so the call is accepted and the Close frame carries neither code nor reason (a reason is only sent after a code). Chromium throws InvalidAccessError here instead; Firefox sends an empty Close frame. Pass a code: close(1000, reason).',
      ja: 'close(undefined, reason): 仕様ではコードが省略された扱いになるため呼び出しは受け付けられ、Close フレームにはコードも理由も入りません（理由はコードの後にしか送られません）。Chromium はこの場合 InvalidAccessError を投げ、Firefox は空の Close フレームを送ります。close(1000, reason) のようにコードを渡してください。',
    },
  };
}

function invalidCodeFinding(input: unknown, x: number, code: number): Finding {
  const converted = typeof input === 'number' && input === code ? '' : ` (${show(input)} converts to ${code})`;
  const convertedJa = typeof input === 'number' && input === code ? ' ' : `（${show(input)} は ${code} に変換されます）`;
  let en: string;
  let ja: string;
  const name = PROTOCOL_NAMES[code];
  if (code === 1005 || code === 1006 || code === 1015) {
    en = `${code} (${name}) is only ever reported by the browser and is never sent in a Close frame (RFC 6455 §7.4.1). To close normally call close() or close(1000); to tell the server why, use a 4xxx code it understands.`;
    ja = `${code}（${name}）はブラウザーが報告するためだけのコードで、Close フレームで送られることはありません（RFC 6455 §7.4.1）。通常の切断なら close() か close(1000) を、理由をサーバーに伝えたいならサーバーが理解できる 4xxx のコードを使ってください。`;
  } else if (name !== undefined) {
    const suggestion = 4000 + (code - 1000);
    en = `${code} (${name}) is reserved for the endpoints' protocol; a page may only use 1000 or 3000–4999. Use ${suggestion} or another 4xxx code your server understands.`;
    ja = `${code}（${name}）は WebSocket の実装（エンドポイント）自身が使うために予約されています。ページが使えるのは 1000 と 3000〜4999 だけです。${suggestion} など、サーバーが理解できる 4xxx のコードを使ってください。`;
  } else if (code === 0 && typeof input === 'string' && Number.isNaN(x)) {
    en = `The code ${show(input)} is not a number, so it converts to 0. Did you mean close(1000, ${show(input)})? The reason is the second argument.`;
    ja = `コード ${show(input)} は数値ではないため 0 に変換されます。close(1000, ${show(input)}) のつもりではありませんか？ 理由（reason）は 2 番目の引数です。`;
  } else if (code < 1000) {
    en = `${code}${converted} is in 0–999, which RFC 6455 §7.4.2 leaves unused. A page may only use 1000 or 3000–4999.`;
    ja = `${code}${convertedJa}は RFC 6455 §7.4.2 で使われない範囲（0〜999）です。ページが使えるのは 1000 と 3000〜4999 だけです。`;
  } else if (code < 3000) {
    en = `${code}${converted} is in 1016–2999, reserved for future revisions of the protocol and its extensions (RFC 6455 §7.4.2). A page may only use 1000 or 3000–4999.`;
    ja = `${code}${convertedJa}は、プロトコルの将来の改訂や拡張のために予約された範囲（1016〜2999、RFC 6455 §7.4.2）です。ページが使えるのは 1000 と 3000〜4999 だけです。`;
  } else {
    en = `${code}${converted} is above 4999, outside every close-code range (RFC 6455 §7.4.2). Private codes end at 4999.${code === 65535 && x > 65535 ? ' WebIDL [Clamp] turned the number into 65535 instead of wrapping it.' : ''}`;
    ja = `${code}${convertedJa}は 4999 を超えており、どのクローズコードの範囲にも入りません（RFC 6455 §7.4.2）。プライベート用のコードは 4999 までです。${code === 65535 && x > 65535 ? 'WebIDL の [Clamp] により、値は桁あふれせず 65535 に丸められています。' : ''}`;
  }
  return { kind: 'invalid-close-code', severity: 'error', index: null, message: { en, ja } };
}

function countLoneSurrogates(text: string): number {
  let lone = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) continue;
    if (c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else lone++;
  }
  return lone;
}

function loneSurrogateFinding(count: number): Finding {
  return {
    kind: 'close-reason-lone-surrogate',
    severity: 'info',
    index: null,
    message: {
      en: `The reason contains ${count} unpaired surrogate(s). The browser replaces each with U+FFFD (\uFFFD, 3 bytes) before measuring and sending it, so the server receives "\uFFFD" there.`,
      ja: `理由（reason）に対になっていないサロゲートが ${count} 個含まれています。ブラウザーは長さを測って送る前にそれぞれを U+FFFD（\uFFFD、3 バイト）に置き換えるため、サーバーにはその部分が「\uFFFD」として届きます。`,
    },
  };
}

function reasonTooLongFinding(bytes: number, units: number, lone: number): Finding {
  const loneNote = lone > 0 ? ` (${lone} unpaired surrogate(s) count 3 bytes each as U+FFFD)` : '';
  const loneNoteJa = lone > 0 ? `（対になっていないサロゲート ${lone} 個は U+FFFD として各 3 バイトに数えます）` : '';
  return {
    kind: 'close-reason-too-long',
    severity: 'error',
    index: null,
    message: {
      en: `The reason is ${bytes} bytes in UTF-8 (${units} UTF-16 code units)${loneNote}; the limit is ${MAX_CLOSE_REASON_BYTES} bytes, because a Close frame's payload is at most 125 bytes and the code takes 2 (RFC 6455 §5.5). Shorten it, counting bytes rather than characters: most CJK characters take 3 bytes each.`,
      ja: `理由（reason）は UTF-8 で ${bytes} バイト（UTF-16 で ${units} コード単位）あります${loneNoteJa}。Close フレームのペイロードは最大 125 バイトで、そのうち 2 バイトをコードが使うため、上限は ${MAX_CLOSE_REASON_BYTES} バイトです（RFC 6455 §5.5）。文字数ではなくバイト数で数えて短くしてください。日本語の文字はほとんどが 1 文字 3 バイトです。`,
    },
  };
}

// Numbers and snippets as the diagnosis prints them, in English and Japanese.
// No Intl: the output must be identical in the page, the panel and Node.

import type { Locale } from '../types';

const trim = (n: number) => String(Math.round(n * 10) / 10);

/** A duration: '850 ms', '12.3 s', '10 min 0.4 s', '2 h 5 min' ('850 ミリ秒', '12.3 秒', …). */
export function formatDuration(ms: number, locale: Locale): string {
  const ja = locale === 'ja';
  if (!Number.isFinite(ms)) return ja ? '不明' : 'unknown';
  const abs = Math.abs(ms);
  if (abs < 1000) return ja ? `${Math.round(abs)} ミリ秒` : `${Math.round(abs)} ms`;
  if (abs < 59_950) return ja ? `${trim(abs / 1000)} 秒` : `${trim(abs / 1000)} s`;
  if (abs < 3_600_000) {
    const tenths = Math.round(abs / 100);
    const min = Math.floor(tenths / 600);
    const s = String((tenths - min * 600) / 10);
    if (s === '0') return ja ? `${min} 分` : `${min} min`;
    return ja ? `${min} 分 ${s} 秒` : `${min} min ${s} s`;
  }
  const minutes = Math.round(abs / 60_000);
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (min === 0) return ja ? `${h} 時間` : `${h} h`;
  return ja ? `${h} 時間 ${min} 分` : `${h} h ${min} min`;
}

/** A byte count: '120 bytes', '64.0 KiB', '1.5 MiB' ('120 バイト', …). */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return locale === 'ja' ? `${bytes} バイト` : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** When a record happened, relative to the close: '2.5 s before the close' ('クローズの 2.5 秒前'). */
export function formatEvidenceTime(time: number, closeTime: number, locale: Locale): string {
  const delta = closeTime - time;
  const d = formatDuration(delta, locale);
  if (locale === 'ja') return delta >= 0 ? `クローズの ${d}前` : `クローズの ${d}後`;
  return delta >= 0 ? `${d} before the close` : `${d} after the close`;
}

/** A rate in frames per second, '12/s' or '0.4/s'. */
export function formatRate(perSecond: number): string {
  return `${perSecond >= 10 ? Math.round(perSecond) : trim(perSecond)}/s`;
}

/** A string as written in code, JSON-quoted and cut to `max` characters. */
export function quoteString(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** The first `lines` lines of a recorded stack (the page's own frames), trimmed. */
export function stackHead(stack: string, lines = 3): string {
  return stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, lines)
    .join('\n');
}

// `npm run bench:core`: how much the pure core costs next to what the platform
// already does with the same data. analyzeOutgoingText runs inside every page
// send(), so it is compared with `new TextEncoder().encode` of the same string
// (the browser's own work for that frame); validateUtf8 with a fatal
// TextDecoder. Prints a table; asserts nothing about time (DESIGN.md: budgets
// are measured by the bench, never by timed tests).

import { describe, expect, it } from 'vitest';
import { analyzeOutgoingText } from '../../src/core/analyze-outgoing-text';
import { validateUtf8 } from '../../src/core/utf8';
import { flatText, msPerCall, repsFor, timingSink } from './support/micro-timing';

const KiB = 1024;
const MiB = 1024 * KiB;
const ROUNDS = 9;
/** Each timed sample repeats the call until it has run about this long. */
const SAMPLE_MS = 15;

const SOURCES = {
  ascii: '{"id":12345,"type":"update","name":"hello world","tags":["a","b"],"ok":true}\n',
  japanese: '日本語のテキストです。これは送信するメッセージで、文字列の長さを測ります。',
  'json+ja': '{"id":12345,"name":"山田太郎","text":"こんにちは、世界！"}\n',
  /** ASCII JSON with one lone surrogate in the middle (the slow exact path must still be exact). */
  'lone surrogate': '',
} as const;

/** A flat string of `units` code units; '' means ASCII with one lone surrogate in the middle. */
function makeText(source: string, units: number): string {
  if (source === '') {
    const ascii = flatText(SOURCES.ascii, units);
    const middle = units >> 1;
    return ascii.slice(0, middle) + '\uD83D' + ascii.slice(middle + 1); // a decode round-trip would repair it
  }
  return flatText(source, units);
}


const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

interface Row {
  case: string;
  baselineMs: number;
  oursMs: number;
  ratio: number;
}

/** Median over ROUNDS of (ours / baseline), the two timed alternately within each round. */
function compare(name: string, baseline: () => unknown, ours: () => unknown): Row {
  for (let i = 0; i < 5; i++) (baseline(), ours()); // warm up both to optimized code
  const repsBase = repsFor(baseline, SAMPLE_MS / 3);
  const repsOurs = repsFor(ours, SAMPLE_MS / 3);
  const base: number[] = [];
  const mine: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = r % 2 === 0 ? msPerCall(baseline, repsBase) : NaN;
    const b = msPerCall(ours, repsOurs);
    const c = r % 2 === 1 ? msPerCall(baseline, repsBase) : a;
    base.push(c);
    mine.push(b);
    ratios.push(b / c);
  }
  return { case: name, baselineMs: median(base), oursMs: median(mine), ratio: median(ratios) };
}

function printTable(title: string, baseline: string, ours: string, rows: Row[]): void {
  const fmt = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(3)} ms`);
  const lines = [
    title,
    `${'case'.padEnd(24)}${baseline.padStart(16)}${ours.padStart(22)}${'ratio'.padStart(8)}`,
    ...rows.map((r) => `${r.case.padEnd(24)}${fmt(r.baselineMs).padStart(16)}${fmt(r.oursMs).padStart(22)}${r.ratio.toFixed(2).padStart(8)}`),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}

describe('core benchmark', () => {
  it('measures analyzeOutgoingText and validateUtf8 against the platform', () => {
    const encoder = new TextEncoder();
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const textRows: Row[] = [];
    const utf8Rows: Row[] = [];
    for (const size of [KiB, MiB]) {
      for (const [name, source] of Object.entries(SOURCES)) {
        const label = `${name} ${size === KiB ? '1 KiB' : '1 MiB'}`;
        const text = makeText(source, size);
        textRows.push(compare(label, () => encoder.encode(text).length, () => analyzeOutgoingText(text).utf8Bytes));
        if (name === 'lone surrogate') continue;
        const bytes = encoder.encode(text);
        utf8Rows.push(
          compare(
            label,
            () => fatal.decode(bytes).length,
            () => validateUtf8(bytes).valid,
          ),
        );
      }
    }
    printTable('analyzeOutgoingText(text) vs new TextEncoder().encode(text)  [median of interleaved rounds; ratio < 1 is faster]', 'encode', 'analyzeOutgoingText', textRows);
    printTable('validateUtf8(bytes) vs new TextDecoder("utf-8", { fatal: true }).decode(bytes)  [sizes are UTF-16 units of the source text]', 'fatal decode', 'validateUtf8', utf8Rows);
    for (const row of [...textRows, ...utf8Rows]) expect(Number.isFinite(row.ratio)).toBe(true);
    expect(timingSink.count).toBeGreaterThan(0);
  });
});

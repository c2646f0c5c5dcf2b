// The send path's pure work (issue 5, goal 2), in Node's V8 (the core runs
// unchanged there): analyzeOutgoingText ÷ new TextEncoder().encode on the
// same 1 MiB string, and validateUtf8 ÷ a fatal TextDecoder on 1 MiB of bytes.
// Within each round the two are timed back to back, order alternating.

import { analyzeOutgoingText } from '../../src/core/analyze-outgoing-text';
import { validateUtf8 } from '../../src/core/utf8';
import { median } from './support/stats';
import { flatText, msPerCall, repsFor, timingSink } from './support/micro-timing';

const MiB = 1024 * 1024;
const SAMPLE_MS = 20;

export interface CoreResults {
  analyzeVsEncode1MiB: { ascii: number; japanese: number };
  validateVsTextDecoder1MiB: number;
}

/** Median over rounds of ours ÷ baseline, each round timing both. */
function ratio(rounds: number, baseline: () => unknown, ours: () => unknown): number {
  for (let i = 0; i < 5; i++) (baseline(), ours());
  const rb = repsFor(baseline, SAMPLE_MS);
  const ro = repsFor(ours, SAMPLE_MS);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      const b = msPerCall(baseline, rb);
      ratios.push(msPerCall(ours, ro) / b);
    } else {
      const o = msPerCall(ours, ro);
      ratios.push(o / msPerCall(baseline, rb));
    }
  }
  return median(ratios);
}

export function runCoreRatios(rounds: number): CoreResults {
  const encoder = new TextEncoder();
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const ascii = flatText('{"id":12345,"type":"update","name":"hello world","tags":["a","b"],"ok":true}\n', MiB);
  const japanese = flatText('日本語のテキストです。これは送信するメッセージで、文字列の長さを測ります。', MiB);
  const result: CoreResults = {
    analyzeVsEncode1MiB: {
      ascii: ratio(rounds, () => encoder.encode(ascii).length, () => analyzeOutgoingText(ascii).utf8Bytes),
      japanese: ratio(rounds, () => encoder.encode(japanese).length, () => analyzeOutgoingText(japanese).utf8Bytes),
    },
    validateVsTextDecoder1MiB: 0,
  };
  // 1 MiB of valid UTF-8: half three-byte Japanese, half ASCII.
  const bytes = new Uint8Array(MiB);
  const half = 3 * Math.floor(MiB / 2 / 3);
  bytes.set(encoder.encode(japanese).subarray(0, half));
  bytes.set(encoder.encode(ascii).subarray(0, MiB - half), half);
  result.validateVsTextDecoder1MiB = ratio(rounds, () => fatal.decode(bytes).length, () => validateUtf8(bytes).valid);
  if (timingSink.count < 0) throw new Error('unreachable');
  return result;
}

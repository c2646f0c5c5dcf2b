// Why did this socket close? The pure diagnosis behind the panel's close card:
// who closed, what the code means in this socket's context, and the likely
// causes ranked with evidence from the connection's own timeline. The rules
// live in diagnosis/, one file per family; scores are defined in diagnosis/scores.ts.
// @see RFC 6455 §7.4.1; DESIGN.md "Facts the diagnosis must respect"

import { compareCloseCodes } from './compare-close-codes';
import { resolveLocale } from './describe-close-code';
import { createRuleContext, type RuleContext } from './diagnosis/context';
import { decideInitiator } from './diagnosis/initiator';
import { diagnose1006 } from './diagnosis/rules-1006';
import { diagnose1007 } from './diagnosis/rules-1007';
import { diagnose1008 } from './diagnosis/rules-1008';
import { diagnose1009 } from './diagnosis/rules-1009';
import { diagnoseAppMeanings, diagnoseLikelyCauses, diagnoseReservedOnWire, reservedCodeOnWire } from './diagnosis/rules-codes';
import { diagnose1000, diagnose1005, diagnosePageCode } from './diagnosis/rules-initiated';
import { diagnosePageCloseThrew } from './diagnosis/rules-page-close-threw';
import { diagnoseServerState } from './diagnosis/rules-server-state';
import { SCORE } from './diagnosis/scores';
import type { Diagnosis, DiagnosisInput, DiagnosisOptions, RankedCause } from './diagnosis/types';
import { utf8ByteLength } from './utf8';

export type * from './diagnosis/types';
export { SCORE } from './diagnosis/scores';
export { formatBytes, formatDuration, formatEvidenceTime } from './diagnosis/format';

/** The rule family for the close code. */
function causesFor(ctx: RuleContext): RankedCause[] {
  if (reservedCodeOnWire(ctx)) return diagnoseReservedOnWire(ctx);
  switch (ctx.code) {
    case 1000:
      return diagnose1000(ctx);
    case 1001:
    case 1011:
    case 1012:
    case 1013:
    case 1014:
      return diagnoseServerState(ctx);
    case 1005:
      return diagnose1005(ctx);
    case 1006:
      return diagnose1006(ctx);
    case 1007:
      return diagnose1007(ctx);
    case 1008:
      return diagnose1008(ctx);
    case 1009:
      return diagnose1009(ctx);
  }
  // 3000–4999: the page's own choice (other libraries' guesses cannot apply
  // then, but a meaning the context proves can: the page's library closed),
  // library meanings, then the registry's likely causes.
  const app = diagnoseAppMeanings(ctx);
  const certain = app.filter((c) => c.score >= SCORE.DIRECT);
  const own = diagnosePageCode(ctx);
  if (own.length > 0) return [...own, ...certain];
  if (certain.length > 0) return certain;
  return [...app, ...diagnoseLikelyCauses(ctx)];
}

/** Highest score first; equal scores keep rule order (Array#sort is stable). Ids stay unique. */
function rank(causes: RankedCause[]): RankedCause[] {
  const seen = new Map<string, number>();
  for (const cause of causes) {
    const n = (seen.get(cause.id) ?? 0) + 1;
    seen.set(cause.id, n);
    if (n > 1) cause.id = `${cause.id}-${n}`;
  }
  return causes.sort((a, b) => b.score - a.score);
}

/**
 * Diagnose a closed connection. Returns null while `input.close` is null
 * (nothing has closed yet). Pure: the same input gives the same diagnosis.
 */
export function diagnoseClose(input: DiagnosisInput, options: DiagnosisOptions = {}): Diagnosis | null {
  const close = input.close;
  if (!close) return null;
  const locale = resolveLocale(options.locale);
  const browser = options.browser === 'chrome' || options.browser === 'firefox' ? options.browser : null;
  const ctx = createRuleContext(input, close, locale, browser);
  const { initiator, explanation } = decideInitiator(ctx);
  const diagnosis: Diagnosis = {
    code: close.code,
    info: ctx.info,
    initiator,
    initiatorExplanation: explanation,
    wasClean: close.wasClean,
    reason: close.reason,
    reasonBytes: utf8ByteLength(close.reason),
    causes: rank([...causesFor(ctx), ...diagnosePageCloseThrew(ctx)]),
  };
  if (close.code === 1007 || close.code === 1008) diagnosis.comparison = compareCloseCodes(1007, 1008, locale);
  return diagnosis;
}

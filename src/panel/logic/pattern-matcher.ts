// The frames filter's test of one text against the user's regex, with the
// pattern's required literals (required-literals.ts) checked first. A
// literal check is a substring search, far cheaper than a regex that
// backtracks through `.*`; a text without the literal cannot match, so the
// answer is always the regex's own. The checks order themselves by what they
// reject in the first texts, and a literal found in nearly every text is
// dropped: it would only cost a pass.

import { requiredLiterals } from './required-literals';

/** Texts looked at with every check before the checks are ordered and thinned. */
export const SAMPLE_TEXTS = 256;
/** A check that rejects fewer of the sampled texts than this share is not worth its pass. */
const MIN_REJECT_SHARE = 0.1;

interface LiteralCheck {
  test(text: string): boolean;
  rejected: number;
}

const ESCAPE = /[.*+?^${}()|[\]\\/]/g;

function literalCheck(literal: string, ignoreCase: boolean): LiteralCheck {
  // Without cased letters a case-insensitive match is a plain one (in the non-unicode mode no other character folds to ASCII).
  if (!ignoreCase || (!/[a-z]/i.test(literal) && /^[\x00-\x7f]*$/.test(literal))) {
    return { test: (text) => text.includes(literal), rejected: 0 };
  }
  const regex = new RegExp(literal.replace(ESCAPE, '\\$&'), 'i');
  return { test: (text) => regex.test(text), rejected: 0 };
}

/** `regex.test`, answered faster where a required literal is missing. `regex` must not be global or sticky. */
export function patternMatcher(regex: RegExp): (text: string) => boolean {
  const plain = (text: string) => regex.test(text);
  if (regex.flags.includes('u') || regex.flags.includes('v')) return plain;
  const { literals, leading } = requiredLiterals(regex.source);
  // The engine itself searches for the literal a pattern starts with.
  let checks = (leading ? literals.slice(1) : literals).map((l) => literalCheck(l, regex.ignoreCase));
  if (checks.length === 0) return plain;

  let sampled = 0;
  const sample = (text: string) => {
    let pass = true;
    for (const check of checks) if (!check.test(text)) {
      check.rejected++;
      pass = false;
    }
    if (++sampled === SAMPLE_TEXTS) {
      checks = checks.filter((c) => c.rejected >= MIN_REJECT_SHARE * SAMPLE_TEXTS).sort((a, b) => b.rejected - a.rejected);
    }
    return pass && regex.test(text);
  };
  return (text) => {
    if (sampled < SAMPLE_TEXTS) return sample(text);
    for (let i = 0; i < checks.length; i++) if (!checks[i]!.test(text)) return false;
    return regex.test(text);
  };
}

// Literal strings that every match of a regex must contain, read from the
// pattern's source. The frames filter tests them first (a substring search)
// and runs the regex only on the previews that hold them all: a pattern like
// `"quote".*user-5\d` then backtracks through a tenth of the previews, not
// all of them. Conservative by construction: whatever it is unsure of
// (groups, classes, escapes other than punctuation, a `{` that may be a
// quantifier) ends a literal and adds nothing, and a top-level `|` means
// there is none. Missing a literal only costs speed; an extra one would hide
// matches, so only characters that every match consumes in that order count.
// Source syntax: ECMAScript RegExp without the `u` flag (Annex B).

/** Every match contains each of these (compared as the regex compares, same flags). */
export interface RequiredLiterals {
  /** Runs of literal characters, in pattern order, each at least `MIN_LITERAL` long. */
  literals: string[];
  /** Whether the pattern begins with the first of them (the regex engine already searches for that one). */
  leading: boolean;
}

/** Shorter literals are found in too many previews to be worth a pass of their own. */
export const MIN_LITERAL = 3;

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/;

/** Index just past the group that opens at `start`; -1 if it never closes. */
function skipGroup(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const after = skipClass(source, i);
      if (after < 0) return -1;
      i = after - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Index just past the class that opens at `start` (the first unescaped `]` closes it, as in JavaScript); -1 if none. */
function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return -1;
}

/**
 * The escape at `start` (a `\`): the character it stands for when that is an
 * ASCII punctuation character (`\.`, `\"`), else null; and where it ends.
 * Every escape that is longer than two characters is measured, so that its
 * tail (`41` of `\x41`, `<id>` of `\k<id>`) is never read as literal text.
 */
function readEscape(source: string, start: number): { literal: string | null; next: number } {
  const c = source[start + 1];
  if (c === undefined) return { literal: null, next: start + 1 };
  if (/^[!-/:-@[-`{-~]$/.test(c)) return { literal: c, next: start + 2 };
  const rest = source.slice(start + 2);
  let length = 0;
  if (c === 'x') length = /^[\da-f]{2}/i.test(rest) ? 2 : 0;
  else if (c === 'u') length = /^[\da-f]{4}/i.test(rest) ? 4 : 0;
  else if (c === 'c') length = /^[a-z]/i.test(rest) ? 1 : 0;
  else if (c === 'k' && rest.startsWith('<')) length = rest.indexOf('>') + 1 || rest.length;
  else if (/\d/.test(c)) length = /^\d*/.exec(rest)![0].length;
  return { literal: null, next: start + 2 + length };
}

export function requiredLiterals(source: string): RequiredLiterals {
  const literals: string[] = [];
  let leading = false;
  let run = '';
  let runStart = 0;
  const end = () => {
    if (run.length >= MIN_LITERAL) {
      if (literals.length === 0 && runStart === 0) leading = true;
      literals.push(run);
    }
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atom: string | null = null;
    let next = i + 1;
    if (c === '|') return { literals: [], leading: false };
    if (c === '(' || c === '[') {
      next = c === '(' ? skipGroup(source, i) : skipClass(source, i);
      if (next < 0) return { literals: [], leading: false };
    } else if (c === '\\') {
      ({ literal: atom, next } = readEscape(source, i));
    } else if (!'.^$*+?{}])'.includes(c)) atom = c;

    const quantifier = QUANTIFIER.exec(source.slice(next, next + 24));
    if (atom === null) {
      end();
    } else if (quantifier === null) {
      if (run === '') runStart = i;
      run += atom;
    } else {
      // `a+` / `a{2,}`: the character is there at least once, then the run ends; `a*` / `a?` / `a{0,n}`: it may not be.
      const atLeastOnce = quantifier[0].startsWith('+') || (quantifier[1] !== undefined && Number(quantifier[1]) > 0);
      if (atLeastOnce) {
        if (run === '') runStart = i;
        run += atom;
      }
      end();
    }
    i = next + (quantifier?.[0].length ?? 0);
  }
  end();
  return { literals, leading };
}

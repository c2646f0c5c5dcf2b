import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './required-literals';

const literalsOf = (source: string) => requiredLiterals(source).literals;

describe('requiredLiterals', () => {
  it('reads the runs of plain characters between the other atoms', () => {
    expect(requiredLiterals('"quote".*user-5\\d\\b')).toEqual({ literals: ['"quote"', 'user-5'], leading: true });
    expect(requiredLiterals('note.*sed do eius.*user-9')).toEqual({ literals: ['note', 'sed do eius', 'user-9'], leading: true });
    expect(requiredLiterals('.*"type":"error"')).toEqual({ literals: ['"type":"error"'], leading: false });
    expect(requiredLiterals('id":\\d*42,').literals).toEqual(['id":', '42,']);
  });

  it('takes escaped punctuation as the character itself', () => {
    expect(literalsOf('price\\.total\\(\\)')).toEqual(['price.total()']);
    expect(literalsOf('a\\/b\\-c')).toEqual(['a/b-c']);
  });

  it('never reads the tail of a longer escape as text', () => {
    expect(literalsOf('\\x41bcd')).toEqual(['bcd']);
    expect(literalsOf('\\u0041bcd')).toEqual(['bcd']);
    expect(literalsOf('\\cJabc')).toEqual(['abc']);
    expect(literalsOf('(?<id>ab)x\\k<id>yz')).toEqual([]);
    expect(literalsOf('(a)\\1234xyz')).toEqual(['xyz']);
    // `\x` without two hex digits is a plain `x`; what follows is text (only its 2 characters are read as such here).
    expect(literalsOf('\\xZZZ')).toEqual(['ZZZ']);
  });

  it('leaves out a character that may be absent, and ends the run after one that repeats', () => {
    expect(literalsOf('colou?r-name')).toEqual(['colo', 'r-name']);
    expect(literalsOf('abcd*efg')).toEqual(['abc', 'efg']);
    expect(literalsOf('abc+def')).toEqual(['abc', 'def']);
    expect(literalsOf('abcx{0,3}def')).toEqual(['abc', 'def']);
    expect(literalsOf('abcx{2}def')).toEqual(['abcx', 'def']);
    expect(literalsOf('abcx{1,}?def')).toEqual(['abcx', 'def']);
    expect(literalsOf('abc+?def')).toEqual(['abc', 'def']);
  });

  it('takes nothing from groups, classes, lookarounds or anchors, and steps over them whole', () => {
    expect(literalsOf('abc(def|ghi)jkl')).toEqual(['abc', 'jkl']);
    expect(literalsOf('abc(def)?jkl')).toEqual(['abc', 'jkl']);
    expect(literalsOf('abc[)(|]jkl')).toEqual(['abc', 'jkl']);
    expect(literalsOf('abc(x[)]|y\\))*jkl')).toEqual(['abc', 'jkl']);
    expect(literalsOf('(?=abc)def(?!ghi)')).toEqual(['def']);
    expect(literalsOf('^abc$')).toEqual(['abc']);
    expect(literalsOf('[]abc')).toEqual(['abc']);
  });

  it('finds none when the pattern is an alternation at the top', () => {
    expect(literalsOf('error|warning')).toEqual([]);
    expect(literalsOf('abc(x)|def')).toEqual([]);
  });

  it('ends a run at a brace or bracket that may be syntax', () => {
    expect(literalsOf('{"id":1}')).toEqual(['"id":1']);
    expect(literalsOf('abc{,3}def')).toEqual(['abc', 'def']);
  });

  it('drops runs shorter than three characters, and says whether the first begins the pattern', () => {
    expect(requiredLiterals('ab.*cd')).toEqual({ literals: [], leading: false });
    expect(requiredLiterals('a.bcd')).toEqual({ literals: ['bcd'], leading: false });
    expect(requiredLiterals('')).toEqual({ literals: [], leading: false });
  });

  it('gives up on a group that never closes', () => {
    expect(literalsOf('abc(def')).toEqual([]);
    expect(literalsOf('abc[def')).toEqual([]);
  });
});

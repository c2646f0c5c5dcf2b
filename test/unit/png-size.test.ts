// The store-screenshots script checks every PNG it writes with pngSize; this
// keeps that check honest against PNGs of known size made by other tools.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../demo/png-size';

describe('pngSize', () => {
  it('reads the size of the shipped icon and of the README screenshot', () => {
    expect(pngSize(readFileSync('public/icons/icon-128.png'))).toEqual({ width: 128, height: 128 });
    expect(pngSize(readFileSync('test/demo/screenshots/panel-1007-lone-surrogate.png'))).toEqual({ width: 1400, height: 860 });
  });

  it('rejects what is not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a and some more bytes here'))).toThrow('not a PNG');
  });
});

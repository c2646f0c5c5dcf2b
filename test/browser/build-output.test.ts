// Checks the built extensions (run after `npm run build`): the hook and the
// relay are self-contained IIFEs injected at document_start in every frame,
// the panel sits at panel.html, and Firefox gets its derived manifest.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/build/browser-manifest';
import { DIST_CHROME, DIST_FIREFOX } from './support/browsers';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json'));

/** Any module syntax: a static import/export, a dynamic import(), import.meta. */
const MODULE_SYNTAX = /^\s*(import|export)\b|\bimport\s*\(|\bimport\.meta\b/m;

describe.each([
  ['chrome', DIST_CHROME],
  ['firefox', DIST_FIREFOX],
])('%s build', (_, dir) => {
  const manifest = manifestOf(dir);

  it('injects the relay, then the MAIN-world hook, at document_start in every frame', () => {
    const scripts = manifest.content_scripts as Array<Record<string, unknown>>;
    expect(scripts.map((s) => s.world)).toEqual(['ISOLATED', 'MAIN']);
    for (const script of scripts) {
      expect(script).toMatchObject({ run_at: 'document_start', all_frames: true, match_origin_as_fallback: true });
      expect(script.matches).toEqual(['<all_urls>']);
    }
  });

  it.each(['relay', 'hook'])('emits the %s as a self-contained IIFE', (name) => {
    const scripts = manifest.content_scripts as Array<{ js: string[] }>;
    const file = scripts.flatMap((s) => s.js).find((f) => f.includes(name));
    expect(file).toBeDefined();
    const code = read(dir, file!);
    expect(code).not.toMatch(MODULE_SYNTAX);
    expect(code.trimStart().startsWith('(function')).toBe(true);
  });

  it('ships the panel page at panel.html and the devtools page', () => {
    expect(read(dir, 'panel.html')).toContain('<div id="app">');
    expect(read(dir, manifest.devtools_page)).toContain('<script');
  });
});

describe('derived Firefox manifest', () => {
  it('uses background scripts and the gecko settings', () => {
    const manifest = manifestOf(DIST_FIREFOX);
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('keeps the Chrome manifest free of Firefox keys', () => {
    const manifest = manifestOf(DIST_CHROME);
    expect(manifest.background.service_worker).toBeDefined();
    expect(manifest.browser_specific_settings).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import baseManifest from '../../manifest.json' with { type: 'json' };
import { GECKO_ID, manifestFor } from './browser-manifest';

describe('manifestFor', () => {
  it('leaves the Chrome manifest as written', () => {
    expect(manifestFor(baseManifest, 'chrome')).toEqual(baseManifest);
  });

  it('asks Chrome for structured-clone messaging, as Firefox always does', () => {
    // Batch texts then cross each hop as strings, not as JSON strings escaped inside JSON.
    expect(manifestFor(baseManifest, 'chrome').message_serialization).toBe('structured_clone');
  });

  it('derives the Firefox manifest without touching the base', () => {
    const before = structuredClone(baseManifest);
    const firefox = manifestFor(baseManifest, 'firefox');
    expect(baseManifest).toEqual(before);
    expect(firefox.background).toEqual({ scripts: [baseManifest.background.service_worker], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox).not.toHaveProperty('message_serialization');
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, strict_min_version: '140.0' } });
    expect(firefox.content_scripts?.every((s) => s.match_about_blank === true)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURE_SETTINGS, readCaptureSettings } from './settings';

describe('readCaptureSettings', () => {
  it('falls back to defaults for missing or malformed values', () => {
    expect(readCaptureSettings(undefined)).toEqual(DEFAULT_CAPTURE_SETTINGS);
    expect(readCaptureSettings({ previewChars: 'big', bufferRecords: NaN })).toEqual(DEFAULT_CAPTURE_SETTINGS);
  });

  it('clamps to the bounds and drops fractions', () => {
    expect(readCaptureSettings({ previewChars: 1e9, bufferRecords: 5.7 })).toEqual({ previewChars: 65_536, bufferRecords: 100 });
    expect(readCaptureSettings({ previewChars: 64.9, bufferRecords: 2_000 })).toEqual({ previewChars: 64, bufferRecords: 2_000 });
  });
});

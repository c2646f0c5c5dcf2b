// Capture settings, stored with storage.local by the panel and read by every
// relay (which passes the preview size on to its page hook).

export interface CaptureSettings {
  /** Characters of each payload kept as a preview (binary: two per byte). */
  previewChars: number;
  /** Records each document's relay keeps for a panel opened later. */
  bufferRecords: number;
}

export const CAPTURE_SETTINGS_KEY = 'captureSettings';

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = { previewChars: 1024, bufferRecords: 10_000 };

export const CAPTURE_SETTINGS_BOUNDS = {
  previewChars: { min: 0, max: 65_536 },
  bufferRecords: { min: 100, max: 1_000_000 },
} as const;

function clampInt(value: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Reads stored settings, falling back to defaults field by field. */
export function readCaptureSettings(value: unknown): CaptureSettings {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    previewChars: clampInt(stored.previewChars, CAPTURE_SETTINGS_BOUNDS.previewChars, DEFAULT_CAPTURE_SETTINGS.previewChars),
    bufferRecords: clampInt(stored.bufferRecords, CAPTURE_SETTINGS_BOUNDS.bufferRecords, DEFAULT_CAPTURE_SETTINGS.bufferRecords),
  };
}

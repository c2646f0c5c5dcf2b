// The panel's settings in storage.local: capture settings (read by every
// relay), the user's own labels for 4000–4999 codes, and UI preferences.
// Storage comes in as a small interface, so tests and the tab mode without
// extension APIs use the in-memory area.

import {
  CAPTURE_SETTINGS_KEY,
  DEFAULT_CAPTURE_SETTINGS,
  readCaptureSettings,
  type CaptureSettings,
} from '../protocol/settings';
import type { LocaleSetting } from './i18n';

export const CODE_LABELS_KEY = 'codeLabels';
export const UI_SETTINGS_KEY = 'uiSettings';
const MAX_LABEL_CHARS = 80;

/** The part of storage.local the panel uses (webextension-polyfill's StorageArea fits). */
export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface UiSettings {
  locale: LocaleSetting;
  preserveLog: boolean;
}

/** Labels keyed by code (4000–4999 only). */
export type CodeLabels = Readonly<Record<number, string>>;

export interface PanelSettings {
  capture: CaptureSettings;
  codeLabels: CodeLabels;
  ui: UiSettings;
}

export const DEFAULT_UI_SETTINGS: UiSettings = { locale: 'auto', preserveLog: true };

export const DEFAULT_PANEL_SETTINGS: PanelSettings = {
  capture: DEFAULT_CAPTURE_SETTINGS,
  codeLabels: {},
  ui: DEFAULT_UI_SETTINGS,
};

export function memoryStorageArea(initial: Record<string, unknown> = {}): StorageAreaLike {
  const items: Record<string, unknown> = { ...initial };
  return {
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, items[k]]));
    },
    async set(values) {
      Object.assign(items, values);
    },
  };
}

export function readUiSettings(value: unknown): UiSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const locale = v.locale === 'en' || v.locale === 'ja' ? v.locale : 'auto';
  const preserveLog = typeof v.preserveLog === 'boolean' ? v.preserveLog : DEFAULT_UI_SETTINGS.preserveLog;
  return { locale, preserveLog };
}

export function isPrivateCode(code: number): boolean {
  return Number.isInteger(code) && code >= 4000 && code <= 4999;
}

export function readCodeLabels(value: unknown): CodeLabels {
  if (typeof value !== 'object' || value === null) return {};
  const labels: Record<number, string> = {};
  for (const [key, label] of Object.entries(value as Record<string, unknown>)) {
    const code = Number(key);
    if (!isPrivateCode(code) || typeof label !== 'string') continue;
    const text = label.trim().slice(0, MAX_LABEL_CHARS);
    if (text) labels[code] = text;
  }
  return labels;
}

export interface SettingsStorage {
  load(): Promise<PanelSettings>;
  saveCapture(settings: CaptureSettings): Promise<CaptureSettings>;
  saveCodeLabels(labels: CodeLabels): Promise<CodeLabels>;
  saveUi(settings: UiSettings): Promise<UiSettings>;
}

/** Reads and writes settings; every value is validated on the way in and out. */
export function createSettingsStorage(area: StorageAreaLike = memoryStorageArea()): SettingsStorage {
  return {
    async load() {
      try {
        const items = await area.get([CAPTURE_SETTINGS_KEY, CODE_LABELS_KEY, UI_SETTINGS_KEY]);
        return {
          capture: readCaptureSettings(items[CAPTURE_SETTINGS_KEY]),
          codeLabels: readCodeLabels(items[CODE_LABELS_KEY]),
          ui: readUiSettings(items[UI_SETTINGS_KEY]),
        };
      } catch {
        return DEFAULT_PANEL_SETTINGS;
      }
    },
    async saveCapture(settings) {
      const clean = readCaptureSettings(settings);
      await area.set({ [CAPTURE_SETTINGS_KEY]: clean });
      return clean;
    },
    async saveCodeLabels(labels) {
      const clean = readCodeLabels(labels);
      await area.set({ [CODE_LABELS_KEY]: clean });
      return clean;
    },
    async saveUi(settings) {
      const clean = readUiSettings(settings);
      await area.set({ [UI_SETTINGS_KEY]: clean });
      return clean;
    },
  };
}

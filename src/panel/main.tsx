// The panel page: in the DevTools panel, or as a tab at panel.html?tabId=N.
// Mounts the Preact app over the store, connects the store to the background,
// and is the only panel file that touches extension APIs (through browser-api).

import { render } from 'preact';
import browser, { TARGET_BROWSER } from '../platform/browser-api';
import { App } from './app';
import type { PanelEnvironment } from './context';
import { createPanelActions } from './panel-actions';
import { createSettingsStorage, memoryStorageArea, type StorageAreaLike } from './settings-storage';
import { createConnectionStore } from './store/connection-store';
import { applyTheme, resolveTheme } from './theme';
import { connectTransport, inspectedTabId } from './transport';
import { CAPTURE_SETTINGS_KEY, DEFAULT_CAPTURE_SETTINGS, readCaptureSettings } from '../protocol/settings';
import './panel.css';

const store = createConnectionStore();
const tabId = inspectedTabId(location.search);
if (tabId !== null) connectTransport(tabId, store);

let previewChars = DEFAULT_CAPTURE_SETTINGS.previewChars;
const storageArea = (browser.storage?.local as StorageAreaLike | undefined) ?? memoryStorageArea();
const env: PanelEnvironment = {
  store,
  settingsStorage: createSettingsStorage(storageArea),
  actions: createPanelActions(store, () => previewChars),
  browser: TARGET_BROWSER,
  uiLanguage: browser.i18n?.getUILanguage?.(),
  renderThrottleMs: 100,
};

void storageArea.get?.([CAPTURE_SETTINGS_KEY]).then((items: Record<string, unknown>) => {
  previewChars = readCaptureSettings(items?.[CAPTURE_SETTINGS_KEY]).previewChars;
});

const panels = browser.devtools?.panels;
const prefersDark = matchMedia('(prefers-color-scheme: dark)');
const updateTheme = (devtoolsThemeName = panels?.themeName) =>
  applyTheme(resolveTheme({ search: location.search, devtoolsThemeName, prefersDark: prefersDark.matches }));
updateTheme();
prefersDark.addEventListener('change', () => updateTheme());
panels?.onThemeChanged?.addListener((name) => updateTheme(name));

// A handle for tests and debugging; it lives only in this extension page.
(globalThis as { __wsciPanel?: unknown }).__wsciPanel = { store, env };
render(<App env={env} />, document.getElementById('app')!);

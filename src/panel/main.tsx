// The panel page: in the DevTools panel, or as a tab at panel.html?tabId=N.
// Mounts the Preact app over the store, connects the store to the background,
// and is the only panel file that touches extension APIs (through browser-api).

import { render } from 'preact';
import browser, { TARGET_BROWSER } from '../platform/browser-api';
import { App } from './app';
import { NO_ACTIONS } from './actions';
import type { PanelEnvironment } from './context';
import { createSettingsStorage, memoryStorageArea, type StorageAreaLike } from './settings-storage';
import { createConnectionStore } from './store/connection-store';
import { applyTheme, resolveTheme } from './theme';
import { connectTransport, inspectedTabId } from './transport';
import './panel.css';

const store = createConnectionStore();
const tabId = inspectedTabId(location.search);
if (tabId !== null) connectTransport(tabId, store);

const storageArea = (browser.storage?.local as StorageAreaLike | undefined) ?? memoryStorageArea();
const env: PanelEnvironment = {
  store,
  settingsStorage: createSettingsStorage(storageArea),
  actions: NO_ACTIONS,
  browser: TARGET_BROWSER,
  uiLanguage: browser.i18n?.getUILanguage?.(),
  renderThrottleMs: 100,
};

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

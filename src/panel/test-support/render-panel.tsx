// Renders the whole panel over a real store, with in-memory settings.

import { act, render } from '@testing-library/preact';
import { App } from '../app';
import type { PanelActions } from '../actions';
import { NO_ACTIONS } from '../actions';
import { createSettingsStorage, DEFAULT_PANEL_SETTINGS, memoryStorageArea, type PanelSettings } from '../settings-storage';
import { createConnectionStore, type ConnectionStore } from '../store/connection-store';
import type { NavigationState } from '../navigation';
import { INITIAL_NAVIGATION } from '../navigation';
import type { PageRecord } from '../../protocol/records';
import { TOP } from './records';

export interface RenderOptions {
  records?: PageRecord[];
  settings?: Partial<PanelSettings>;
  navigation?: Partial<NavigationState>;
  actions?: PanelActions;
  store?: ConnectionStore;
  /** What browser.i18n.getUILanguage() would say (default en-US). */
  uiLanguage?: string;
}

export function renderPanel(options: RenderOptions = {}) {
  const store = options.store ?? createConnectionStore();
  if (options.records) store.applyRecords({ source: TOP, records: options.records });
  const storageArea = memoryStorageArea();
  const settingsStorage = createSettingsStorage(storageArea);
  const env = { store, settingsStorage, actions: options.actions ?? NO_ACTIONS, browser: 'chrome' as const, uiLanguage: options.uiLanguage ?? 'en-US', renderThrottleMs: 0 };
  const initialSettings = { ...DEFAULT_PANEL_SETTINGS, ...options.settings };
  const result = render(
    <App env={env} initialSettings={initialSettings} initialNavigation={{ ...INITIAL_NAVIGATION, ...options.navigation }} />,
  );
  return { ...result, store, env, storageArea };
}

/** Feeds records into the store as the transport would, and lets the panel render. */
export function feed(store: ConnectionStore, records: PageRecord[], source = TOP): void {
  act(() => store.applyRecords({ source, records }));
}

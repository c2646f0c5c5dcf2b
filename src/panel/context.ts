// What every view reads from its surroundings: the store, the translator,
// settings, the actions, and where the user is (view, selection). One
// context, so a view file needs one import.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DiagnosisBrowser } from '../core/diagnosis/types';
import type { Locale } from '../core/types';
import type { PanelActions } from './actions';
import type { Translate } from './i18n';
import type { PanelSettings, SettingsStorage } from './settings-storage';
import type { ConnectionStore } from './store/connection-store';
import type { Navigation, NavigationState } from './navigation';

export interface PanelEnvironment {
  store: ConnectionStore;
  settingsStorage: SettingsStorage;
  actions: PanelActions;
  /** The browser the panel runs in (build-time), for the diagnosis; unknown in tests. */
  browser?: DiagnosisBrowser;
  /** browser.i18n.getUILanguage(), when there is one. */
  uiLanguage?: string;
  /** Coalesce store updates into at most one render per this many ms (0: every update). */
  renderThrottleMs?: number;
}

export interface PanelContextValue {
  env: PanelEnvironment;
  t: Translate;
  locale: Locale;
  settings: PanelSettings;
  setSettings(next: PanelSettings): void;
  nav: NavigationState;
  navigate: Navigation;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('usePanel() outside <App>');
  return value;
}

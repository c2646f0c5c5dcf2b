// The panel's root: loads settings, picks the language, and lays out the
// toolbar, the view tabs (Connections, Warnings, Reference) and the status bar.

import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { PanelContext, type PanelContextValue, type PanelEnvironment } from './context';
import { usePanelState } from './hooks/use-panel-state';
import { createTranslator, resolveLocale } from './i18n';
import { INITIAL_NAVIGATION, useNavigation, type NavigationState, type TopView } from './navigation';
import { DEFAULT_PANEL_SETTINGS, type PanelSettings } from './settings-storage';
import { Tabs } from './components/tabs';
import { Toolbar } from './views/toolbar';
import { ConnectionsView } from './views/connections-view';
import { WarningsView } from './views/warnings-view';
import { ReferenceView } from './views/reference-view';
import { StatusBar } from './views/status-bar';

export interface AppProps {
  env: PanelEnvironment;
  /** Settings to start with (tests); otherwise loaded from storage. */
  initialSettings?: PanelSettings;
  initialNavigation?: NavigationState;
}

export function App({ env, initialSettings, initialNavigation = INITIAL_NAVIGATION }: AppProps) {
  const state = usePanelState(env.store, env.renderThrottleMs);
  const [settings, setSettings] = useState<PanelSettings>(initialSettings ?? DEFAULT_PANEL_SETTINGS);
  const [nav, navigate] = useNavigation(initialNavigation);

  useEffect(() => {
    if (initialSettings) return;
    let live = true;
    void env.settingsStorage.load().then((loaded) => live && setSettings(loaded));
    return () => {
      live = false;
    };
  }, [env.settingsStorage, initialSettings]);

  useLayoutEffect(() => env.store.setPreserveLog(settings.ui.preserveLog), [env.store, settings.ui.preserveLog]);

  const locale = resolveLocale(settings.ui.locale, env.uiLanguage);
  const t = useMemo(() => createTranslator(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Memoised: a store update must not re-render every context consumer.
  const context = useMemo<PanelContextValue>(
    () => ({ env, t, locale, settings, setSettings, nav, navigate }),
    [env, t, locale, settings, nav, navigate],
  );
  const views: { id: TopView; label: string; testId: string }[] = [
    { id: 'connections', label: t('view_connections_count', state.connections.length), testId: 'view-connections' },
    { id: 'warnings', label: t('view_warnings_count', state.findings.length), testId: 'view-warnings' },
    { id: 'reference', label: t('view_reference'), testId: 'view-reference' },
  ];

  return (
    <PanelContext.Provider value={context}>
      <div class="panel" data-testid="panel">
        <Toolbar state={state} />
        <Tabs items={views} selected={nav.view} onSelect={navigate.setView} label={t('views_label')} idPrefix="view" class="view-tabs" />
        <main class="view" id="view-panel" role="tabpanel" aria-labelledby={`view-${nav.view}`}>
          {nav.view === 'connections' && <ConnectionsView state={state} />}
          {nav.view === 'warnings' && <WarningsView state={state} />}
          {nav.view === 'reference' && <ReferenceView />}
        </main>
        <StatusBar state={state} />
      </div>
    </PanelContext.Provider>
  );
}

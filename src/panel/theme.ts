// Light or dark, like the DevTools window around the panel: `?theme=` wins
// (screenshots), then DevTools' own theme, then the OS preference.

export type Theme = 'light' | 'dark';

export interface ThemeHints {
  search: string;
  /** chrome.devtools.panels.themeName: 'dark' | 'default' (Chrome), absent in a tab. */
  devtoolsThemeName?: string | undefined;
  prefersDark: boolean;
}

export function resolveTheme({ search, devtoolsThemeName, prefersDark }: ThemeHints): Theme {
  const forced = new URLSearchParams(search).get('theme');
  if (forced === 'dark' || forced === 'light') return forced;
  if (devtoolsThemeName === 'dark') return 'dark';
  if (devtoolsThemeName === 'default' || devtoolsThemeName === 'light') return 'light';
  return prefersDark ? 'dark' : 'light';
}

/** Applies the theme to the document (panel.css keys its variables on it). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

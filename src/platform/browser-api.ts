// The one door to extension APIs for every context but the page hook
// (STYLE.md). webextension-polyfill gives Chrome the promise-based `browser`.

import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;

/** Build-time constant (vite `define`): which browser this build is for. */
export const TARGET_BROWSER: 'chrome' | 'firefox' = __BROWSER__;

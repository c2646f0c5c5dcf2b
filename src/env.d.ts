/** Build-time constant set by vite.config.ts (`define`). */
declare const __BROWSER__: 'chrome' | 'firefox';

// The devtools page: runs once per DevTools window and creates our panel.
// Nothing else happens here.

import browser from '../platform/browser-api';

void browser.devtools.panels.create(browser.i18n.getMessage('panelTitle') || 'WebSocket Close', '/icons/icon-32.png', '/panel.html');

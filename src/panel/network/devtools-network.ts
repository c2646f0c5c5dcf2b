// Runs in the panel page. Listens to Chrome's devtools.network (only present
// when the panel is inside DevTools) for the WebSocket HAR entries that carry
// the handshake status and the browser's own error messages. In a tab
// (panel.html?tabId=N) and in Firefox it captures nothing.

import browser, { TARGET_BROWSER } from '../../platform/browser-api';
import { captureNetwork, type DevtoolsNetworkApi, type NetworkCapture } from './network-capture';

export type { NetworkCapture } from './network-capture';

function devtoolsNetwork(): DevtoolsNetworkApi | undefined {
  // Firefox's HAR has no _webSocketMessages: nothing worth correlating.
  if (TARGET_BROWSER !== 'chrome') return undefined;
  try {
    return (browser.devtools?.network as unknown as DevtoolsNetworkApi | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Call once from main.tsx. */
export function startNetworkCapture(): NetworkCapture {
  return captureNetwork(devtoolsNetwork());
}

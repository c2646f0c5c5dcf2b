// The panel page: in the DevTools panel, or as a tab at panel.html?tabId=N.
// Mounts the Preact app over the store and connects the store to the background.

import { render } from 'preact';
import { App } from './app';
import { createConnectionStore } from './store/connection-store';
import { connectTransport, inspectedTabId } from './transport';

const store = createConnectionStore();
const tabId = inspectedTabId(location.search);
if (tabId !== null) connectTransport(tabId, store);
// A handle for tests and debugging; it lives only in this extension page.
(globalThis as { __wsciPanel?: unknown }).__wsciPanel = { store };
render(<App store={store} />, document.getElementById('app')!);

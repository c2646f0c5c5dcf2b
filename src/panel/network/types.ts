// Shapes of the handshake and wire correlation: what Chrome's DevTools network
// log (HAR) says about one of our connections, or why nothing can be said.
// Structurally assignable to the diagnosis input (core/diagnosis/types.ts).

/** What the socket's HAR entry in Chrome's network log says. */
export interface NetworkEvidence {
  source: 'har';
  /** `response.status`: 101 when the upgrade succeeded, 0 when it was refused or failed. */
  status: number;
  statusText?: string;
  /**
   * The browser's own words: `_webSocketMessages` entries of type 'error'
   * (e.g. 'Error during WebSocket handshake: Unexpected response code: 403'),
   * then `response._error` when Chrome set one.
   */
  errors: string[];
  /** Sec-WebSocket-Protocol, -Extensions, -Version and Origin, as sent. */
  requestHeaders?: Record<string, string>;
  /** Sec-WebSocket-Protocol, -Extensions and -Accept, as answered. */
  responseHeaders?: Record<string, string>;
  /** Data frames (send + receive) the network log saw. */
  frames: number;
}

/**
 * Why a connection has no network evidence:
 * - firefox: Firefox's devtools.network HAR has no `_webSocketMessages` and we do not read it;
 * - not-in-devtools: the panel runs as a tab (panel.html?tabId=N): no devtools API at all;
 * - closed-before-devtools / opened-before-devtools: the socket predates the network log
 *   (Chrome records only while DevTools is open);
 * - not-found: DevTools was listening but no entry matched (yet: Chrome reports a socket when it finishes);
 * - imported: an imported file that carried no network log for this socket.
 */
export type NetworkUnavailableReason =
  | 'firefox'
  | 'not-in-devtools'
  | 'closed-before-devtools'
  | 'opened-before-devtools'
  | 'not-found'
  | 'imported';

export interface NetworkUnavailable {
  unavailable: NetworkUnavailableReason;
}

/** Where the panel runs, for networkEvidenceFor(). */
export interface NetworkContext {
  browser: 'chrome' | 'firefox';
  /** true when the devtools.network API exists (a DevTools panel, not a tab). */
  devtools: boolean;
  /** ms epoch from which the network log is known to cover sockets; null when unknown. */
  since: number | null;
}

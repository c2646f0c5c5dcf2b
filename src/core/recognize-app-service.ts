// Recognises which service or library a socket talks to, from what the page
// can see: the negotiated subprotocol (`WebSocket.protocol`) and the URL.
// Only strong signals count: a library-specific subprotocol, a service's own
// host name, or a path that names the library. Anything weaker stays a guess
// (candidates with certain: false), never a match.

import type { AppServiceId } from './app-close-codes';

export interface AppServiceMatch {
  service: AppServiceId;
  /** What identified it, e.g. 'subprotocol graphql-transport-ws'. */
  matchedBy: string;
}

/**
 * Subprotocols (RFC 6455 §1.9, Sec-WebSocket-Protocol) that belong to one library.
 * Note: 'graphql-ws' is the subprotocol of the OLD subscriptions-transport-ws
 * library, not of the graphql-ws library, so it is deliberately absent.
 */
const SUBPROTOCOLS: ReadonlyMap<string, AppServiceId> = new Map([
  ['graphql-transport-ws', 'graphql-ws'],
  ['obswebsocket.json', 'obs-websocket'],
  ['obswebsocket.msgpack', 'obs-websocket'],
  ['centrifuge-protobuf', 'centrifugo'],
]);

interface HostRule {
  service: AppServiceId;
  test: (host: string) => boolean;
}

const isSubdomainOf = (host: string, domain: string): boolean => host.endsWith(`.${domain}`);

const HOST_RULES: readonly HostRule[] = [
  {
    // Main gateway and its resume URLs (gateway-us-east1-b.discord.gg).
    service: 'discord-gateway',
    test: (h) => h === 'gateway.discord.gg' || /^gateway-[a-z0-9-]+\.discord\.gg$/.test(h),
  },
  { service: 'discord-voice', test: (h) => isSubdomainOf(h, 'discord.media') },
  { service: 'pusher', test: (h) => isSubdomainOf(h, 'pusher.com') },
  { service: 'pusher', test: (h) => isSubdomainOf(h, 'pusherapp.com') },
  { service: 'twitch-eventsub', test: (h) => h === 'eventsub.wss.twitch.tv' },
];

/** Default endpoint paths that carry the library's name or are its documented default. */
const PATH_RULES: readonly { service: AppServiceId; prefix: string }[] = [
  { service: 'socketcluster', prefix: '/socketcluster/' },
  { service: 'centrifugo', prefix: '/connection/websocket' },
];

/** Parses a URL without ever throwing; null when it is not a URL. */
function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || typeof URL !== 'function') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function bySubprotocol(protocol: unknown): AppServiceMatch | null {
  if (typeof protocol !== 'string') return null;
  const name = protocol.trim().toLowerCase();
  const service = SUBPROTOCOLS.get(name);
  return service ? { service, matchedBy: `subprotocol ${name}` } : null;
}

function byUrl(url: unknown): AppServiceMatch | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  for (const rule of HOST_RULES) {
    if (rule.test(host)) return { service: rule.service, matchedBy: `host ${host}` };
  }
  for (const rule of PATH_RULES) {
    if (parsed.pathname.startsWith(rule.prefix)) {
      return { service: rule.service, matchedBy: `path ${rule.prefix}` };
    }
  }
  return null;
}

/**
 * The service this socket belongs to, or null when the context does not show it.
 * The negotiated subprotocol wins over the URL: both ends agreed on it.
 */
export function recognizeAppService(context: { protocol?: unknown; url?: unknown }): AppServiceMatch | null {
  return bySubprotocol(context.protocol) ?? byUrl(context.url);
}

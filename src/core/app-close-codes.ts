// Close codes that libraries and services define for themselves, mostly in
// the private range 4000–4999 (RFC 6455 §7.4.2) and, for Centrifugo, in the
// unregistered part of 3000–3999. Transcribed from the project's reference
// table (reference/close-codes.json, `appCodes`) so the build stays
// self-contained; close-code-registry.test.ts cross-checks the count.

/** A service or library whose close codes we know, and can recognise by context. */
export type AppServiceId =
  | 'discord-gateway'
  | 'discord-voice'
  | 'graphql-ws'
  | 'twitch-eventsub'
  | 'pusher'
  | 'socketcluster'
  | 'centrifugo'
  | 'obs-websocket'
  | 'hocuspocus'
  | 'colyseus';

/** What a library says about its codes as a whole. */
export interface AppLibrary {
  service: AppServiceId;
  /** Library name as the reference table spells it. */
  library: string;
  source: string;
  /** How the library reads whole blocks of codes (e.g. Pusher 4100–4199: back off). */
  rangeSemantics?: string;
  /** Where the library's numbers clash with IANA registrations. */
  conflictsWithIANA?: string;
  /** Standard codes the library also uses with its own meaning. */
  alsoUses?: string;
}

/** One code as one library defines it. */
export interface AppCloseCode extends AppLibrary {
  code: number;
  meaning: string;
  /** Whether the library says a client should reconnect; absent when it says nothing. */
  reconnect?: boolean;
}

type CodeRow = readonly [code: number, meaning: string, reconnect?: boolean];

function codesOf(lib: AppLibrary, rows: readonly CodeRow[]): AppCloseCode[] {
  return rows.map(([code, meaning, reconnect]) =>
    reconnect === undefined ? { ...lib, code, meaning } : { ...lib, code, meaning, reconnect },
  );
}

const DISCORD_GATEWAY: AppLibrary = {
  service: 'discord-gateway',
  library: 'Discord Gateway',
  source: 'docs.discord.com/developers/topics/opcodes-and-status-codes#gateway-close-event-codes; discord-api-types GatewayCloseCodes (discord.js.org/docs/packages/discord-api-types)',
};

const DISCORD_VOICE: AppLibrary = {
  service: 'discord-voice',
  library: 'Discord Voice Gateway',
  source: 'discord-api-types VoiceCloseCodes (discord-api-types.dev/api/discord-api-types-voice/v4/enum/VoiceCloseCodes); discord/discord-api-docs docs/topics/Opcodes_and_Status_Codes.md',
};

const GRAPHQL_WS: AppLibrary = {
  service: 'graphql-ws',
  library: 'graphql-ws (GraphQL over WebSocket, subprotocol graphql-transport-ws)',
  source: 'enisdenjo/graphql-ws src/common.ts CloseCode enum; PROTOCOL.md; src/client.ts',
};

const TWITCH_EVENTSUB: AppLibrary = {
  service: 'twitch-eventsub',
  library: 'Twitch EventSub WebSocket',
  source: 'dev.twitch.tv/docs/eventsub/handling-websocket-events#close-message (table also copied verbatim in several repos)',
};

const PUSHER: AppLibrary = {
  service: 'pusher',
  library: 'Pusher Channels protocol',
  source: 'pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol#error-codes (as reproduced in pusher client libraries, e.g. Go map with @doc link and a C++ enum)',
  rangeSemantics: '4000-4099 do not reconnect unchanged; 4100-4199 reconnect with >=1 s backoff; 4200-4299 reconnect immediately',
};

const SOCKETCLUSTER: AppLibrary = {
  service: 'socketcluster',
  library: 'SocketCluster',
  source: 'sc-errors socketProtocolErrorStatuses (e.g. LucaCode port; Captives/SocketCluster_Example README)',
};

const CENTRIFUGO: AppLibrary = {
  service: 'centrifugo',
  library: 'Centrifuge / Centrifugo (uses the 3000-3999 range WITHOUT IANA registration)',
  source: 'centrifugal/centrifuge disconnect.go',
  rangeSemantics: 'reconnect for 3000-3499, 4000-4499, >=5000; terminal for 3500-3999 and 4500-4999; app custom codes 4000-4999',
  conflictsWithIANA: 'same numbers as IANA 3000 Unauthorized / 3008 Timeout',
};

const OBS_WEBSOCKET: AppLibrary = {
  service: 'obs-websocket',
  library: 'obs-websocket v5 (OBS Studio)',
  source: 'obsproject/obs-websocket docs/generated/protocol.md WebSocketCloseCode (as mirrored in client libraries)',
};

const HOCUSPOCUS: AppLibrary = {
  service: 'hocuspocus',
  library: 'Hocuspocus (Y.js collaboration server)',
  source: 'ueberdosis/hocuspocus packages/common/src/CloseEvents.ts',
  alsoUses: '1009 Message Too Big',
};

const COLYSEUS: AppLibrary = {
  service: 'colyseus',
  library: 'Colyseus (multiplayer game server)',
  source: 'colyseus Protocol enum (WS_CLOSE_* constants) and colyseus.js CloseCode',
};

export const APP_CLOSE_CODES: readonly AppCloseCode[] = [
  ...codesOf(DISCORD_GATEWAY, [
    [4000, 'Unknown error — try reconnecting', true],
    [4001, 'Unknown opcode (invalid opcode or payload for an opcode)', true],
    [4002, 'Decode error (invalid payload)', true],
    [4003, 'Not authenticated (payload sent before Identify)', true],
    [4004, 'Authentication failed (bad token)', false],
    [4005, 'Already authenticated (more than one Identify)', true],
    [4007, 'Invalid seq when resuming — start a new session', true],
    [4008, 'Rate limited', true],
    [4009, 'Session timed out — start a new session', true],
    [4010, 'Invalid shard', false],
    [4011, 'Sharding required', false],
    [4012, 'Invalid API version', false],
    [4013, 'Invalid intent(s) (bad bitmask)', false],
    [4014, 'Disallowed intent(s) (not enabled/approved)', false],
  ]),
  ...codesOf(DISCORD_VOICE, [
    [4001, 'Unknown opcode'],
    [4002, 'Failed to decode payload'],
    [4003, 'Not authenticated'],
    [4004, 'Authentication failed'],
    [4005, 'Already authenticated'],
    [4006, 'Session no longer valid'],
    [4009, 'Session timeout'],
    [4011, 'Server not found'],
    [4012, 'Unknown protocol'],
    [4014, 'Disconnected (channel deleted, kicked, voice server changed, main gateway session dropped) — should not reconnect', false],
    [4015, 'Voice server crashed — try resuming', true],
    [4016, 'Unknown encryption mode'],
    [4020, 'Bad request / invalid heartbeat payload (naming differs between discord-api-types and docs PR #7326)'],
    [4021, 'Rate limited — should not reconnect', false],
    [4022, 'Call terminated (channel deleted, voice server changed) — should not reconnect', false],
  ]),
  ...codesOf(GRAPHQL_WS, [
    [4400, 'Bad request: message of unknown type/format (reason = error message)'],
    [4401, 'Unauthorized: operation attempted before ConnectionAck'],
    [4403, 'Forbidden: server rejects connection (e.g. auth in onConnect)'],
    [4406, 'Subprotocol not acceptable'],
    [4408, 'Connection initialisation timeout (no ConnectionInit within connectionInitWaitTimeout)'],
    [4409, 'Subscriber for <id> already exists'],
    [4429, 'Too many initialisation requests'],
    [4500, 'Internal server error'],
    [4504, 'Connection acknowledgement timeout (client side)'],
    [4005, 'Internal client error'],
    [4004, 'Bad response (client could not parse server message)'],
    [4499, 'Terminated: synthetic close event emitted by client.terminate() (socket.close(4499, "Terminated")); client retries on it'],
  ]),
  ...codesOf(TWITCH_EVENTSUB, [
    [4000, 'Internal server error'],
    [4001, 'Client sent inbound traffic (only pong allowed)'],
    [4002, 'Client failed ping-pong'],
    [4003, 'Connection unused (no subscription within ~10 s of welcome)'],
    [4004, 'Reconnect grace time expired (30 s after session_reconnect)'],
    [4005, 'Network timeout (transient)'],
    [4006, 'Network error (transient)'],
    [4007, 'Invalid reconnect URL'],
  ]),
  ...codesOf(PUSHER, [
    [4000, 'Application only accepts SSL connections (reconnect with wss://)'],
    [4001, 'Application does not exist'],
    [4003, 'Application disabled'],
    [4004, 'Application is over connection quota'],
    [4005, 'Path not found'],
    [4006, 'Invalid version string format'],
    [4007, 'Unsupported protocol version'],
    [4008, 'No protocol version supplied'],
    [4009, 'Connection is unauthorized'],
    [4100, 'Over capacity (reconnect after backoff)'],
    [4200, 'Generic reconnect immediately'],
    [4201, 'Pong reply not received'],
    [4202, 'Closed after inactivity'],
    [4301, 'Client event rejected due to rate limit'],
  ]),
  ...codesOf(SOCKETCLUSTER, [
    [4000, 'Server ping timed out'],
    [4001, 'Client pong timed out'],
    [4002, 'Server failed to sign auth token'],
    [4003, 'Failed to complete handshake'],
    [4004, 'Client failed to save auth token'],
    [4005, 'Did not receive #handshake from client before timeout'],
    [4006, 'Failed to bind socket to message broker'],
    [4007, 'Client connection establishment timed out'],
    [4008, 'Server rejected handshake from client'],
    [4009, 'Server received a message before the client handshake'],
  ]),
  ...codesOf(CENTRIFUGO, [
    [3000, 'connection closed (no server advice)', true],
    [3001, 'shutdown', true],
    [3004, 'internal server error', true],
    [3005, 'connection expired', true],
    [3006, 'subscription expired', true],
    [3008, 'slow (client cannot read fast enough)', true],
    [3009, 'write error', true],
    [3010, 'insufficient state', true],
    [3011, 'force reconnect', true],
    [3012, 'no pong', true],
    [3500, 'invalid token', false],
    [3501, 'bad request', false],
    [3502, 'stale (not authenticated in time)', false],
    [3503, 'force disconnect', false],
    [3504, 'connection limit', false],
    [3505, 'channel limit', false],
  ]),
  ...codesOf(OBS_WEBSOCKET, [
    [4000, 'UnknownReason'],
    [4002, 'MessageDecodeError'],
    [4003, 'MissingDataField'],
    [4004, 'InvalidDataFieldType'],
    [4005, 'InvalidDataFieldValue'],
    [4006, 'UnknownOpCode'],
    [4007, 'NotIdentified (message before Identify)'],
    [4008, 'AlreadyIdentified'],
    [4009, 'AuthenticationFailed'],
    [4010, 'UnsupportedRpcVersion'],
    [4011, 'SessionInvalidated (kicked; must not auto-reconnect)', false],
    [4012, 'UnsupportedFeature'],
  ]),
  ...codesOf(HOCUSPOCUS, [
    [4205, 'Reset Connection'],
    [4401, 'Unauthorized'],
    [4403, 'Forbidden'],
    [4408, 'Connection Timeout'],
  ]),
  ...codesOf(COLYSEUS, [
    [4000, 'WS_CLOSE_CONSENTED: client left / server room.disconnect() / graceful shutdown — do not auto-reconnect'],
    [4002, 'WS_CLOSE_WITH_ERROR: join failed or message decode error / room disposed'],
    [4010, 'WS_CLOSE_DEVMODE_RESTART: dev-mode server restart (client should reconnect)'],
    [4201, 'WS_SERVER_DISCONNECT'],
    [4202, 'WS_TOO_MANY_CLIENTS'],
  ]),
];

// English explanations of every code with its own entry. Facts follow
// DESIGN.md "Facts the diagnosis must respect"; keep close-code-text-ja.ts in step.
// @see RFC 6455 §7.4.1, IANA WebSocket Close Code Number Registry

import type { CloseCodeText, KnownCloseCode } from './types';

export const CLOSE_CODE_TEXT_EN: Readonly<Record<KnownCloseCode, CloseCodeText>> = {
  1000: {
    title: 'Normal Closure',
    summary:
      'The connection was closed on purpose because the work it was opened for is done. Besides 3000–4999, this is the only code a page may pass to close().',
    whenYouSeeIt:
      'One side decided the session was over and completed the closing handshake: the page called ws.close(1000), or the server ended the session (logout, end of a stream, idle cleanup). wasClean is normally true.',
    likelyCauses: [
      "The page's own code called close(1000); look for the close() call in the timeline.",
      'The server ended the session deliberately: logout, session end, stream finished, idle cleanup.',
      'A library closed on purpose: the graphql-ws client closes lazily after the last subscription completes; Phoenix closes with 1000 "heartbeat timeout" and then reconnects.',
    ],
    fixes: [
      'Nothing is wrong at the protocol level. If the close was unexpected, read the reason and find which side initiated it.',
      'If the server closed, check its logs for why it ended the session (idle timeout, logout, deploy).',
      'If the app must stay connected, reconnect and re-subscribe on close; treat a normal close from the server as "session over", not as a failure.',
    ],
  },
  1001: {
    title: 'Going Away',
    summary:
      'An endpoint is going away: the server is shutting down or restarting, or the browser is leaving the page.',
    whenYouSeeIt:
      'Usually the server, or a load balancer in front of it, is shutting down, being redeployed or draining connections. Browsers send 1001 to the server when the page navigates away or the tab closes, but by then the page is gone and will not see it.',
    likelyCauses: [
      'Server shutdown, restart or deploy (rolling update, scale-in).',
      'A proxy or load balancer draining connections, e.g. during a configuration reload.',
      'In server logs: the browser sent 1001 because the page was reloaded, navigated away or closed.',
      'A background tab was frozen or discarded and its connections were torn down.',
    ],
    fixes: [
      'Reconnect with exponential backoff and jitter; the server usually comes back shortly.',
      'On the server, send 1001 (or 1012 Service Restart) before shutting down and drain connections gracefully.',
      'Restore session state (subscriptions, resume tokens) after reconnecting.',
    ],
  },
  1002: {
    title: 'Protocol Error',
    summary: 'An endpoint closed the connection because the other side broke the WebSocket protocol itself.',
    whenYouSeeIt:
      'Something violated RFC 6455 framing: an unknown opcode, reserved bits set without an extension, a masked frame from the server, a fragmented or oversized control frame, a malformed Close frame. Browsers do not build malformed frames, so a 1002 the page sees comes from a server or proxy. Chromium also sends 1002 to a server whose text frame is not valid UTF-8; in that case the page sees 1006, not 1002.',
    likelyCauses: [
      'A hand-written or buggy server framing implementation (masking, payload lengths, reserved bits).',
      'A proxy, CDN or middlebox that rewrites or corrupts WebSocket frames.',
      'A permessage-deflate mismatch: compressed frames (RSV1) although compression was not negotiated.',
      'The server received a close code it considers invalid (0–999, 1004–1006, 1016–2999) and answered with 1002.',
      'In server logs: Chromium reported "Invalid UTF-8 in text frame" for a text frame the server sent.',
    ],
    fixes: [
      'Read the reason and the server logs for the exact framing error.',
      'Use a well-tested WebSocket library on the server instead of custom framing; run the Autobahn TestSuite against it.',
      'Connect without proxies or CDNs to rule out frame corruption; check the permessage-deflate negotiation.',
      'Make the server send only valid close codes and valid UTF-8 text frames.',
    ],
  },
  1003: {
    title: 'Unsupported Data',
    summary:
      'An endpoint received a type of data it cannot accept, for example a text-only endpoint received a binary message.',
    whenYouSeeIt:
      'The server expected text frames and got binary, or the reverse. Typical after sending a Blob, ArrayBuffer or typed array to a JSON-only endpoint, or a string to an endpoint that expects protobuf or MessagePack.',
    likelyCauses: [
      'The page sent binary (ArrayBuffer, Blob, TypedArray) to an endpoint that only accepts text such as JSON.',
      'The page sent text to an endpoint that only accepts binary (protobuf, MessagePack, CBOR).',
      'Client and server disagree on the subprotocol or encoding (e.g. obswebsocket.json vs obswebsocket.msgpack).',
      'Binary encoding was switched on in the configuration of only one side.',
    ],
    fixes: [
      'Find the last outgoing frame before the close and check its type (text or binary).',
      'Send send(JSON.stringify(value)) to text endpoints, ArrayBuffer or Uint8Array to binary endpoints.',
      'Request the subprotocol explicitly (new WebSocket(url, [protocol])) and check ws.protocol after open.',
      'Servers: use 1003 for the frame-type mismatch only; 1007 for text that is not valid UTF-8, 1008 for content rules.',
    ],
  },
  1004: {
    title: 'Reserved',
    summary: 'Reserved: no meaning is defined yet, and endpoints should not send it.',
    whenYouSeeIt:
      'The peer put a reserved code in its Close frame. Conforming endpoints never send 1004, and many receivers (Autobahn case 7.9.3, undici) treat it as a protocol error. Old documentation mislabels 1004 as "CLOSE_TOO_LARGE", a draft-era meaning; the message-too-big code is 1009.',
    likelyCauses: [
      'A server or library that uses 1004 for "message too large", following outdated drafts or docs.',
      'A server that forwards arbitrary numbers (HTTP statuses, internal error numbers) as close codes.',
      'A bug in a custom framing implementation.',
    ],
    fixes: [
      'Fix the server to send 1009 for oversized messages, or a 4000–4999 code for application meanings.',
      'Do not branch on 1004 in client logic; treat it as an unknown error and log the reason.',
    ],
  },
  1005: {
    title: 'No Status Received',
    summary:
      'The Close frame carried no status code. 1005 never travels on the wire: the browser reports it when the peer closed without a code.',
    whenYouSeeIt:
      'The closing handshake completed (wasClean is usually true) but the Close frame that ended it was empty. Most often the page called ws.close() with no arguments and the server echoed an empty Close frame, or the server itself closed without a code.',
    likelyCauses: [
      'The page called ws.close() without a code: the browser sends an empty Close frame and the echo comes back empty.',
      'The server library closes without a status by default (close() with no arguments on the server).',
      'A proxy ended the connection with an empty Close frame.',
    ],
    fixes: [
      'Pass an explicit code from the page, e.g. ws.close(1000, "done") or a 4000–4999 code with a reason, so both sides can log why.',
      'Make the server always send a status code: 1000 for normal ends, 1001 or 1012 for shutdown, 4000–4999 for app reasons.',
      'Never use 1005 yourself: close(1005) throws InvalidAccessError, and a server that sends 1005 makes Chromium fail the connection with 1002.',
    ],
  },
  1006: {
    title: 'Abnormal Closure',
    summary:
      'The connection ended without a Close frame being sent or received. 1006 is never sent on the wire: the browser reports it when the connection failed or dropped.',
    whenYouSeeIt:
      'The page gets an error event, then close with 1006, wasClean false and an empty reason. The browser hides the details from script on purpose: the handshake may have been refused (the HTTP status, e.g. 401, 403, 404 or 502, is never exposed to JavaScript), TLS may have failed, the network may have dropped, or the browser failed the connection itself because the server broke the protocol — for example by sending a text frame that is not valid UTF-8 (Chromium then sends 1002 to the server, Firefox sends 1007; the page only sees 1006).',
    likelyCauses: [
      'Handshake refused: the server or a proxy answered the upgrade with an HTTP status instead of 101 (auth, wrong path, origin check, 502). Script never sees the status.',
      'TLS or certificate failure on wss:// (expired, self-signed, wrong host name), or a ws:// URL blocked as mixed content on an https:// page.',
      'Network drop: Wi-Fi or VPN change, laptop sleep, server crash, TCP reset without a closing handshake.',
      'Browser-side protocol failure: the server sent a text frame that is not valid UTF-8 ("Could not decode a text frame as UTF-8."), a masked frame, a broken Close frame, or 1005/1006/1015 on the wire.',
      'A proxy or load-balancer idle timeout (often around 60 s) cut a connection on which nothing was flowing.',
      'The page called close() while the socket was still CONNECTING.',
    ],
    fixes: [
      'Check the timeline: no open event means the handshake or TLS failed; look up the HTTP status in the server or proxy logs, or in the Network panel.',
      "In Chrome, read the browser's own error text for the socket (the HAR entry's _webSocketMessages of type error): it names the refused status or \"Could not decode a text frame as UTF-8.\".",
      'If the socket opened and died after a quiet period, send heartbeats (application pings) more often than the proxy idle timeout.',
      'Make the server send only valid UTF-8 in text frames and raw bytes in binary frames.',
      'Reconnect with exponential backoff and jitter; 1006 is often transient.',
    ],
  },
  1007: {
    title: 'Invalid Payload Data',
    summary:
      'An endpoint received a message whose payload data is inconsistent with the message type — for example, a text message that contained non-UTF-8 data.',
    whenYouSeeIt:
      'A text frame arrived whose payload is not valid UTF-8; this commonly happens when binary data is accidentally sent as a text frame. If your page sees 1007, the server (or a proxy) sent it: a page cannot put invalid UTF-8 on the wire, because send(string) silently replaces lone surrogates with U+FFFD. So the server rejected what it received — often its own decoder, JSON parsing or schema validation refused the payload and it answered with 1007. The other direction looks different: when the browser receives invalid UTF-8, Firefox sends 1007 to the server (Chromium sends 1002) and the page sees 1006, not 1007.',
    likelyCauses: [
      'Binary data squeezed into a string and sent as text ("binary strings": bytes turned into characters with String.fromCharCode or atob, code units 0x80–0xFF, NUL). The browser encodes each of them as UTF-8, so the server receives other bytes than intended and its decoder or validator rejects them.',
      'Lone surrogates in the string (half an emoji after slicing by UTF-16 index): send() turns them into U+FFFD silently, and a server that checks the content rejects the corrupted message.',
      "The server's own validation rejected the payload (JSON parse error, schema check, a decoder expecting Latin-1 or another encoding) and it chose 1007 to say \"the data in this message is invalid\".",
      'The server expects text in a specific form (base64, hex, a fixed format) and the message did not match it.',
      'A proxy or server-side library re-encoded or corrupted the message on the way.',
    ],
    fixes: [
      'Send raw bytes as binary frames: ws.send(uint8Array) (or an ArrayBuffer or Blob) instead of a string, and set ws.binaryType = "arraybuffer" to receive them.',
      'Convert between text and bytes with TextEncoder and TextDecoder; never build strings from bytes with String.fromCharCode.',
      'Check strings before sending: str.isWellFormed() detects lone surrogates, str.toWellFormed() repairs them; do not cut strings at arbitrary UTF-16 indexes.',
      'If bytes must travel inside text, encode them explicitly (base64) and decode them on the server.',
      'Read the close reason and the server logs for the validation that failed, and check the outgoing frame just before the close: this inspector flags lone surrogates and binary-looking text before they are sent.',
    ],
  },
  1008: {
    title: 'Policy Violation',
    summary:
      'An endpoint is terminating the connection because it received a message that violates its policy. This is the generic code when no more specific one (1003 Unsupported Data, 1009 Message Too Big) fits, or when the server does not want to reveal details.',
    whenYouSeeIt:
      'The server rejected a message because it broke an application-level rule — for example sending messages too rapidly, exceeding rate limits, or failing authentication after the handshake (an expired or invalid token). A 1008 the page sees was sent by the server or a proxy; browsers never produce it on their own.',
    likelyCauses: [
      'Rate limiting: too many messages, subscriptions or reconnects in a short time.',
      'Authentication or authorization failed after the handshake: the token expired or was revoked, or the auth message was missing or invalid.',
      'Forbidden content: a channel, topic or operation the client may not use, or a message that fails moderation.',
      "Origin check: the server does not accept the page's Origin and closes with 1008 after the upgrade instead of refusing the handshake.",
      'A message sent out of order, e.g. before the login or identify step the application requires.',
      'The server uses 1008 as a catch-all so as not to reveal the exact reason.',
    ],
    fixes: [
      'Read the close reason; servers often name the violated policy there ("rate limit", "token expired").',
      "Review the server's documented policies and constraints: rate limits, message quotas, allowed channels and operations.",
      'Refresh the auth token before it expires and authenticate again after reconnecting.',
      'Throttle or batch outgoing messages, and back off before reconnecting instead of retrying in a tight loop.',
      "If 1008 arrives right after open, check the server's allowed origins.",
    ],
  },
  1009: {
    title: 'Message Too Big',
    summary: 'An endpoint received a message that is too big for it to process.',
    whenYouSeeIt:
      "A message — after reassembling fragments, and after decompression when permessage-deflate is on — exceeded the receiver's size limit. If the page sees 1009, the server rejected something the page sent: large JSON documents, files sent through the socket, unbounded batches.",
    likelyCauses: [
      "The page sent a message larger than the server's maximum; many servers and proxies set limits far below what browsers allow.",
      'A file, image or base64 blob sent as one message instead of in chunks.',
      'Batches or state snapshots that grew over time.',
      'Collaboration servers such as Hocuspocus close with 1009 when a document update exceeds their maximum message size.',
    ],
    fixes: [
      'Split large payloads into chunks, or upload files over HTTP and send a reference.',
      "Raise the server's limit deliberately if large messages are expected.",
      'Measure bytes, not string length: UTF-8 takes up to 3 bytes per UTF-16 code unit, and base64 adds a third.',
      'Compress on the application level only if the server limits the compressed size; most limit the decompressed message.',
    ],
  },
  1010: {
    title: 'Mandatory Extension Missing',
    summary:
      'The client closed the connection because the server did not negotiate an extension the client requires; the reason should list them. Servers do not use this code.',
    whenYouSeeIt:
      'Browsers negotiate extensions (permessage-deflate) themselves and do not close with 1010, so it mostly shows up in server logs from non-browser clients. If a page sees 1010, the server sent a code meant for clients only.',
    likelyCauses: [
      'A non-browser client (bot, native app, test harness) required an extension such as permessage-deflate that the server declined.',
      'A proxy removed the Sec-WebSocket-Extensions response header.',
      'A server wrongly uses 1010 for its own errors.',
    ],
    fixes: [
      'Enable the required extension on the server, or make it optional on the client.',
      'Check that proxies forward the Sec-WebSocket-Extensions headers.',
      'Servers should use 1011 or a 4000–4999 code for their own failures, never 1010.',
    ],
  },
  1011: {
    title: 'Internal Error',
    summary: 'The server hit an unexpected condition that prevented it from fulfilling the request.',
    whenYouSeeIt:
      'The server failed while handling something: a handler threw, a database or upstream call failed. The last message the page sent may have triggered a bug without being invalid. Some libraries (e.g. @mswjs/interceptors) close with 1011 and the error message as reason when a handler throws.',
    likelyCauses: [
      'An unhandled exception in a server message handler.',
      'A dependency (database, cache, upstream API) failed or timed out.',
      'A message the server did not anticipate (missing fields, unexpected types) hit a bug.',
      'Resource exhaustion on the server (memory, file descriptors).',
    ],
    fixes: [
      'Check the server logs at the time of the close and the close reason; treat it as a server bug or outage until proven otherwise.',
      'Take the last message the page sent before the close and reproduce with it.',
      'Reconnect with backoff, but do not resend the same message in a loop if it triggers the failure.',
      'Servers: catch handler errors, validate input, and use 1003, 1007 or 1008 for client mistakes instead of 1011.',
    ],
  },
  1012: {
    title: 'Service Restart',
    summary: 'The server is restarting. Clients may reconnect, ideally after a randomized delay of 5–30 seconds.',
    whenYouSeeIt:
      'A planned restart or deploy. The code was registered with IANA after RFC 6455; many servers send 1001 for the same situation.',
    likelyCauses: [
      'A deploy or rolling restart of the server.',
      'A configuration reload that drops connections.',
      'Autoscaling replaced the instance.',
    ],
    fixes: [
      'Reconnect after a randomized delay (5–30 s) so that all clients do not hit the restarted server at once.',
      'Resume or re-subscribe after reconnecting.',
      'If restarts are frequent, look at the deploy process rather than at the client.',
    ],
  },
  1013: {
    title: 'Try Again Later',
    summary:
      'The server is temporarily unable to serve this client (e.g. it is overloaded) and closed the connection; reconnect later, possibly to another server.',
    whenYouSeeIt: 'The server is overloaded, at its connection limit, or shedding load during an incident.',
    likelyCauses: [
      'Server overload or its connection limit was reached.',
      'Load shedding during an incident.',
      'Too many clients reconnecting at the same moment (thundering herd).',
    ],
    fixes: [
      'Reconnect with exponential backoff and jitter, not immediately.',
      'If several endpoints exist, try another one.',
      'On the server, scale out or raise limits, and say in the reason how long clients should wait.',
    ],
  },
  1014: {
    title: 'Bad Gateway',
    summary:
      'A server acting as a gateway or proxy received an invalid response from the upstream server, like HTTP 502.',
    whenYouSeeIt:
      'A gateway in front of the real WebSocket server could not reach the upstream, lost it, or got something invalid from it. Older Chromium versions listed 1014 as unassigned but still pass it to the page.',
    likelyCauses: [
      'The upstream WebSocket server crashed or closed abnormally while the gateway kept the client connection.',
      'The gateway could not connect to the upstream (wrong target, DNS, TLS to the upstream).',
      'The upstream sent frames the gateway refused.',
    ],
    fixes: [
      'Check the gateway or proxy logs and the health of the upstream service.',
      'Verify the upstream configuration (host, port, TLS, timeouts).',
      'Reconnect with backoff.',
    ],
  },
  1015: {
    title: 'TLS Handshake Failure',
    summary:
      'The connection was closed because the TLS handshake failed, e.g. the server certificate could not be verified. 1015 is never sent on the wire.',
    whenYouSeeIt:
      'Browsers report TLS failures to pages as 1006, because no WebSocket connection was ever established; 1015 shows up mostly in non-browser clients and server libraries. A server must never put 1015 in a Close frame (Chromium fails the connection with 1002 if it does).',
    likelyCauses: [
      'An expired, self-signed or untrusted certificate on the wss:// endpoint.',
      'The certificate does not cover the host name in the URL.',
      'A missing intermediate certificate in the server chain.',
      'A TLS version or cipher mismatch, or a proxy intercepting TLS.',
    ],
    fixes: [
      'Open https:// on the same host and port in a tab to see the certificate error.',
      'Fix the certificate chain, host name and expiry on the server; trust a local development CA explicitly.',
      'Use the host name the certificate was issued for in the URL.',
    ],
  },
  3000: {
    title: 'Unauthorized',
    summary:
      'IANA-registered: the endpoint must be authorized to perform the application-level request, like HTTP 401.',
    whenYouSeeIt:
      'The server requires authentication inside the WebSocket session and the client did not provide valid credentials. Beware: Centrifugo uses 3000 for a plain "connection closed" (reconnect), not for Unauthorized.',
    likelyCauses: [
      'No token or credentials were sent after connecting.',
      'The token expired or was revoked.',
      'A session cookie was not sent (cross-site, SameSite), so the server sees an anonymous client.',
      'The server is Centrifugo, where 3000 means a plain disconnect.',
    ],
    fixes: [
      'Send or refresh the credentials, then reconnect.',
      'Check which server or library is in use: with Centrifugo, 3000 has another meaning.',
      'Do not reconnect in a loop with the same rejected credentials.',
    ],
  },
  3003: {
    title: 'Forbidden',
    summary:
      'IANA-registered: the endpoint is authorized but lacks permission for the request, like HTTP 403.',
    whenYouSeeIt:
      'The server knows who the client is but does not allow what it asked for: joining a room or channel, subscribing to a topic, performing an operation.',
    likelyCauses: [
      'Subscribing to or publishing on a channel the user may not access.',
      "The user's role or plan does not include the feature.",
      'Permissions changed while the connection was open.',
    ],
    fixes: [
      "Check the user's permissions for the resource named in the reason.",
      'Only request resources the user may access, and show the refusal in the UI instead of reconnecting.',
    ],
  },
  3008: {
    title: 'Timeout',
    summary:
      'IANA-registered: the endpoint took too long to respond to an application request, like HTTP 408.',
    whenYouSeeIt:
      'The server waited for an application-level answer (authentication, ping, acknowledgement) and gave up. Beware: Centrifugo uses 3008 for "slow" — the client cannot read messages fast enough — which is a different problem.',
    likelyCauses: [
      'The client did not answer an application request (auth, ping, ack) in time.',
      'The page was busy (long tasks) or throttled as a background tab and answered late.',
      'With Centrifugo: the client read messages too slowly.',
    ],
    fixes: [
      'Answer server requests and pings promptly; keep long tasks off the main thread.',
      'Remember that timers are throttled in hidden tabs; prefer server-driven pings over client timers.',
      "Reconnect; if it repeats, raise the server's timeout or reduce the message volume.",
    ],
  },
};

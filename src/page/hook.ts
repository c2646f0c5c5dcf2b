// The page hook: a self-contained IIFE injected into the MAIN world of every
// frame at document_start, before the page's first script. It wraps (never
// replaces) WebSocket so the page cannot tell it is there, and hands what it
// records to the relay (src/content/relay.ts). No extension APIs here.

import { captureNatives } from './natives';
import { installNativeMask } from './native-mask';
import { openRecordChannel } from './record-channel';
import { observeSocket, receivedBytesFields, receivedTextFields, type SocketState } from './socket-observer';
import { closeTrap, sentBytesFields, sentTextFields, sendTrap } from './send-close-traps';
import { protocolsArgument, type ProtocolsArgument } from './protocols-argument';
import { captureStack } from './stack';

const INSTALLED_PROBE_EVENT = 'wsci:hook-installed?';

function alreadyInstalled(win: Window): boolean {
  // An installed hook cancels this event; nothing else listens for the name.
  const probe = new CustomEvent(INSTALLED_PROBE_EVENT, { cancelable: true }); // at install: no page script has run yet
  return !win.dispatchEvent(probe);
}

function install(win: Window & typeof globalThis): void {
  if (typeof win.WebSocket !== 'function' || alreadyInstalled(win)) return;
  const n = captureNatives(win);
  n.apply(n.addEventListener, win, [INSTALLED_PROBE_EVENT, (e: Event) => e.preventDefault(), true]);

  const mask = installNativeMask(win, n);
  const channel = openRecordChannel(win, n, {
    sent: (text, readyState, closeRequested, bufferedAmount, thrown, max) =>
      sentTextFields(text, readyState, closeRequested, bufferedAmount, thrown, max, n),
    received: (text, max) => receivedTextFields(text, max, n),
    sentBytes: (kind, head, headLength, size, readyState, closeRequested, bufferedAmount, thrown, max) =>
      sentBytesFields(kind, head, headLength, size, readyState, closeRequested, bufferedAmount, thrown, max, n),
    receivedBytes: (head, headLength, size, max) => receivedBytesFields(head, headLength, size, max, n),
  });
  const sockets = new WeakMap<object, SocketState>();
  let nextSocketId = 0;

  const constructorProxy = mask.wrap(n.WebSocket, {
    construct(target, args, newTarget) {
      let protocols: ProtocolsArgument | null = null;
      try {
        if (args.length > 1) {
          protocols = protocolsArgument(args[1], n);
          args[1] = protocols.arg;
        }
      } catch {
        protocols = null;
      }
      const socket = n.construct(target, args, newTarget) as WebSocket;
      try {
        const state: SocketState = { id: ++nextSocketId, closeRequested: false };
        n.weakMapSet(sockets, socket, state);
        channel.emit('created', state.id, {
          url: n.ws.url(socket),
          protocols: protocols ? protocols.requested : [],
          frameUrl: n.locationHref(),
          stack: captureStack(n),
        });
        observeSocket(socket, state, n, channel);
      } catch {
        // Capture degrades; the page gets its socket regardless.
      }
      return socket;
    },
  });
  const send = mask.wrap(n.send, sendTrap(n, sockets, channel));
  const close = mask.wrap(n.close, closeTrap(n, sockets, channel));

  redefineValue(n.wsProto, 'send', send);
  redefineValue(n.wsProto, 'close', close);
  redefineValue(n.wsProto, 'constructor', constructorProxy);
  redefineValue(win, 'WebSocket', constructorProxy);
}

/** Replaces a data property's value, keeping its attributes exactly. */
function redefineValue(owner: object, key: string, value: unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  if (!descriptor || !('value' in descriptor)) return;
  Object.defineProperty(owner, key, { ...descriptor, value });
}

try {
  install(window as Window & typeof globalThis);
} catch {
  // Never break the page.
}

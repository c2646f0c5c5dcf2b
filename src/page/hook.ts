// The page hook: a self-contained IIFE injected into the MAIN world of every
// frame at document_start, before the page's first script. It wraps (never
// replaces) WebSocket so the page cannot tell it is there, and hands what it
// records to the relay (src/content/relay.ts). No extension APIs here.

import { captureNatives } from './natives';
import { installNativeMask } from './native-mask';
import { openRecordChannel } from './record-channel';
import { observeSocket, type SocketState } from './socket-observer';
import { closeTrap, sendTrap } from './send-close-traps';
import { captureStack } from './stack';

const INSTALLED_PROBE_EVENT = 'wsci:hook-installed?';

function alreadyInstalled(win: Window): boolean {
  // An installed hook cancels this event; nothing else listens for the name.
  const probe = new CustomEvent(INSTALLED_PROBE_EVENT, { cancelable: true });
  return !win.dispatchEvent(probe);
}

function install(win: Window & typeof globalThis): void {
  if (typeof win.WebSocket !== 'function' || alreadyInstalled(win)) return;
  const natives = captureNatives(win);
  Reflect.apply(natives.addEventListener, win, [INSTALLED_PROBE_EVENT, (e: Event) => e.preventDefault(), true]);

  const mask = installNativeMask(win, natives);
  const channel = openRecordChannel(win, natives);
  const sockets = new WeakMap<object, SocketState>();
  let nextSocketId = 0;

  const constructorProxy = new Proxy(natives.WebSocket, {
    construct(target, args, newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      try {
        const state: SocketState = { id: ++nextSocketId, closeRequested: false };
        sockets.set(socket, state);
        channel.emit('created', state.id, {
          url: natives.ws.url(socket),
          protocols: requestedProtocols(args[1]),
          frameUrl: natives.locationHref(),
          stack: captureStack(natives),
        });
        observeSocket(socket, state, natives, channel);
      } catch {
        // Capture degrades; the page gets its socket regardless.
      }
      return socket;
    },
  });
  const send = new Proxy(natives.send, sendTrap(natives, sockets, channel));
  const close = new Proxy(natives.close, closeTrap(natives, sockets, channel));
  mask.register(constructorProxy, natives.WebSocket);
  mask.register(send, natives.send);
  mask.register(close, natives.close);

  redefineValue(natives.wsProto, 'send', send);
  redefineValue(natives.wsProto, 'close', close);
  redefineValue(natives.wsProto, 'constructor', constructorProxy);
  redefineValue(win, 'WebSocket', constructorProxy);
}

/** Replaces a data property's value, keeping its attributes exactly. */
function redefineValue(owner: object, key: string, value: unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  if (!descriptor || !('value' in descriptor)) return;
  Object.defineProperty(owner, key, { ...descriptor, value });
}

/**
 * The protocols the page asked for. The native constructor has already read
 * them; reading again must not run page code, so only plain arrays of strings.
 */
function requestedProtocols(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  const protocols: string[] = [];
  for (let i = 0; i < value.length && i < 64; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string') protocols.push(item);
  }
  return protocols;
}

try {
  install(window as Window & typeof globalThis);
} catch {
  // Never break the page.
}

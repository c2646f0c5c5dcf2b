// Findings about *when* a page calls send(), as opposed to what it sends.
// @see WHATWG WebSockets Standard, send(): CONNECTING throws InvalidStateError;
// CLOSING/CLOSED silently discard the data (only bufferedAmount grows).

import type { Finding } from './types';

export const READY_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

export function sendStateFinding(readyState: number, closeRequested: boolean): Finding | null {
  if (readyState === READY_STATE.CONNECTING) {
    return {
      kind: 'send-while-connecting',
      severity: 'error',
      index: null,
      message: {
        en: 'send() was called while the socket was still CONNECTING: the browser threw InvalidStateError and nothing was sent. Wait for the open event (or queue messages until it fires).',
        ja: 'ソケットがまだ CONNECTING の状態で send() が呼ばれました。ブラウザーは InvalidStateError を投げ、何も送信されていません。open イベントを待つ(または発火するまでメッセージをキューに貯める)ようにしてください。',
      },
    };
  }
  if (readyState === READY_STATE.CLOSING || readyState === READY_STATE.CLOSED || closeRequested) {
    return {
      kind: 'send-after-close',
      severity: 'warning',
      index: null,
      message: {
        en: 'send() was called after close() or while the socket was CLOSING/CLOSED: the browser silently discarded the data (no error is thrown). Check readyState === WebSocket.OPEN before sending, and stop timers and queues when the socket closes.',
        ja: 'close() の後、またはソケットが CLOSING/CLOSED の状態で send() が呼ばれました。ブラウザーはエラーを出さずにデータを破棄しています。送信前に readyState === WebSocket.OPEN を確認し、ソケットが閉じたらタイマーやキューを止めてください。',
      },
    };
  }
  return null;
}

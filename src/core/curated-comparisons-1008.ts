// 1008 Policy Violation set against 1002, 1003 and 1009, in English and
// Japanese. RFC 6455 makes 1008 the fallback "when 1003 or 1009 do not fit".
// @see RFC 6455 §7.4.1

import type { CuratedComparison } from './curated-comparisons';

const PROTOCOL_VS_POLICY: CuratedComparison = {
  codes: [1002, 1008],
  keyDifferences: {
    en: [
      '1002 (Protocol error) is a protocol-level failure: the peer broke RFC 6455 framing; 1008 (Policy Violation) is an application-level decision: the peer broke a rule of the service.',
      'A browser never breaks framing, so a 1002 the page sees points to a server, proxy or extension bug; a 1008 points to something the page did (rate, authentication, content).',
      'Chromium itself sends 1002 to a server that breaks the protocol (e.g. invalid UTF-8 in a text frame) while the page sees 1006; no browser sends 1008 on its own.',
      'A 1008 may go away once the condition changes (the rate window passes, a new token is used); a 1002 repeats until the implementation is fixed.',
    ],
    ja: [
      '1002（プロトコルエラー）はプロトコルレベルの失敗で、相手が RFC 6455 のフレーミングに違反したことを示します。1008（ポリシー違反）はアプリケーションレベルの判断で、相手がサービスのルールに違反したことを示します。',
      'ブラウザーがフレーミングに違反することはないため、ページが受け取る 1002 はサーバー・プロキシ・拡張の不具合を、1008 はページの行動（レート、認証、内容）を指しています。',
      'Chromium は、プロトコルに違反したサーバー（テキストフレームに不正な UTF-8 を入れたなど）へ自ら 1002 を送り、ページには 1006 が見えます。ブラウザーが自ら 1008 を送ることはありません。',
      '1008 は条件が変われば（レート制限の期間が過ぎる、新しいトークンを使う）解消することがありますが、1002 は実装が直るまで繰り返されます。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1002 only for violations of the WebSocket protocol itself, as detected by the framing layer.',
      ja: '1002 は、フレーミング層が検出した WebSocket プロトコルそのものへの違反にだけ使います。',
    },
    {
      en: 'Use 1008 when messages are well-formed but violate a policy: rate limits, authentication after the handshake, forbidden content, origin rules.',
      ja: '1008 は、メッセージの形式は正しいもののポリシー（レート制限、ハンドシェイク後の認証、禁止された内容、Origin の規則）に違反しているときに使います。',
    },
  ],
};

const TYPE_VS_POLICY: CuratedComparison = {
  codes: [1003, 1008],
  keyDifferences: {
    en: [
      '1003 (Unsupported Data) names one specific policy — this endpoint does not accept this type of data (text vs binary); 1008 (Policy Violation) is the catch-all for every other policy.',
      'RFC 6455 says to use 1008 when 1003 or 1009 do not fit, so choose 1003 if the only problem is the frame type.',
      'A 1003 is fixed by sending the other frame type or negotiating the right subprotocol; a 1008 by changing behaviour — throttle, authenticate, send only allowed content.',
    ],
    ja: [
      '1003（非対応のデータ）は「このエンドポイントはこの種類のデータ（テキストかバイナリか）を受け付けない」という特定のポリシーを表し、1008（ポリシー違反）はそれ以外のあらゆるポリシーをまとめて表します。',
      'RFC 6455 は 1003 や 1009 が当てはまらないときに 1008 を使うよう定めているので、問題がフレームの種類だけなら 1003 を選びます。',
      '1003 はもう一方のフレームの種類で送るか、正しいサブプロトコルをネゴシエートすれば直ります。1008 は送信を抑える、認証する、許可された内容だけを送る、といった行動の変更で直します。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1003 when the message type itself is unacceptable: binary where you accept only text, or text where you accept only binary.',
      ja: '1003 は、メッセージの種類そのものを受け付けられないとき（テキストのみ受け付けるのにバイナリが来た、またはその逆）に使います。',
    },
    {
      en: 'Use 1008 for rule violations that are not about frame type or size — rate limits, expired authentication, forbidden operations, origin — or when you prefer not to disclose details.',
      ja: '1008 は、フレームの種類やサイズ以外のルール違反（レート制限、認証の期限切れ、禁止された操作、Origin）や、詳細を明かしたくないときに使います。',
    },
  ],
};

const POLICY_VS_SIZE: CuratedComparison = {
  codes: [1008, 1009],
  keyDifferences: {
    en: [
      '1009 (Message Too Big) names one specific policy — a single message is larger than the receiver will process; 1008 (Policy Violation) covers the other policies.',
      'If the only problem is size, 1009 tells the client exactly what to change; a 1008 for an oversized message hides it.',
      'Limits on volume over time (bytes per minute, messages per second) are rate policies and fit 1008; a limit on one message fits 1009.',
    ],
    ja: [
      '1009（メッセージ過大）は「1 つのメッセージが受信側で処理できる大きさを超えている」という特定のポリシーを表し、1008（ポリシー違反）はそれ以外のポリシーを表します。',
      '問題がサイズだけなら、1009 を使えばクライアントは何を変えればよいかが正確にわかります。大きすぎるメッセージに 1008 を返すと、それが伝わりません。',
      '時間あたりの量の制限（1 分あたりのバイト数、1 秒あたりのメッセージ数）はレートのポリシーなので 1008 が、1 つのメッセージの上限は 1009 が適しています。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1008 for limits on behaviour over time (rates, quotas), authentication, or content rules.',
      ja: '1008 は、時間あたりの振る舞いの制限（レート、クォータ）、認証、内容に関するルールに使います。',
    },
    {
      en: 'Use 1009 when a single message is too big to process.',
      ja: '1009 は、1 つのメッセージが大きすぎて処理できないときに使います。',
    },
  ],
};

export const COMPARISONS_WITH_1008: readonly CuratedComparison[] = [
  PROTOCOL_VS_POLICY,
  TYPE_VS_POLICY,
  POLICY_VS_SIZE,
];

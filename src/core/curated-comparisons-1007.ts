// 1007 Invalid Payload Data set against 1008, 1002, 1003 and 1009, in English
// and Japanese. Facts: DESIGN.md "Facts the diagnosis must respect".
// @see RFC 6455 §7.4.1

import type { CuratedComparison } from './curated-comparisons';

const PAYLOAD_VS_POLICY: CuratedComparison = {
  codes: [1007, 1008],
  keyDifferences: {
    en: [
      '1007 (Invalid Payload Data): an endpoint received a message whose payload is inconsistent with the message type — for example, a text message that contained non-UTF-8 data.',
      '1008 (Policy Violation): an endpoint received a message that violates its policy; it is the generic code when no more specific one (1003, 1009) is suitable.',
      'You encounter 1007 when a text frame was received whose payload is not valid UTF-8 (commonly binary data accidentally sent as a text frame), or whose data the server’s decoder or validator rejected.',
      'You encounter 1008 when the server rejected a message because it broke an application-level rule — sending messages too rapidly, exceeding rate limits, or failing authentication after the handshake.',
      '1007 is about the bytes of one message (its encoding and whether they match the frame type); 1008 is about rules on the client’s behaviour — rate, authentication, allowed content, origin — however well-formed the bytes are.',
      'Who sends it: a page cannot emit invalid UTF-8 (send() turns lone surrogates into U+FFFD), so a 1007 the page sees comes from the server’s own validation; a 1008 is always a deliberate decision of the server or a proxy.',
      'What the page sees: when the browser itself receives invalid UTF-8, Firefox sends 1007 to the server (Chromium sends 1002) and the page sees 1006; no browser ever sends 1008 on its own.',
      'Retrying unchanged never fixes 1007 (the same bytes fail again); for 1008 it depends on the policy — a rate limit may pass after a pause, an auth failure needs new credentials.',
    ],
    ja: [
      '1007（不正なペイロードデータ）：メッセージの種類と矛盾するペイロードを受信したことを示します。例：テキストメッセージに UTF-8 ではないデータが含まれていた。',
      '1008（ポリシー違反）：エンドポイントのポリシーに違反するメッセージを受信したことを示します。より具体的なコード（1003、1009）が当てはまらないときに使う汎用コードです。',
      '1007 に遭遇するのは、受信したテキストフレームのペイロードが正しい UTF-8 ではない場合（バイナリデータを誤ってテキストフレームとして送ったときによく起こります）や、そのデータをサーバーのデコーダーや検証が拒否した場合です。',
      '1008 に遭遇するのは、メッセージがアプリケーションレベルのルールに違反したためにサーバーが拒否した場合です。送信が速すぎる、レート制限を超えた、ハンドシェイク後の認証に失敗した、などです。',
      '1007 は 1 つのメッセージのバイト列（エンコーディングと、フレームの種類との整合性）の問題、1008 はバイト列が正しくてもクライアントの振る舞いに課されるルール（レート、認証、許可された内容、Origin）の問題です。',
      '送り手：ページは不正な UTF-8 を送れない（send() は孤立サロゲートを U+FFFD に変える）ため、ページが受け取る 1007 はサーバー自身の検証によるものです。1008 は常にサーバーかプロキシの意図的な判断です。',
      'ページに見えるもの：ブラウザー自身が不正な UTF-8 を受信した場合、Firefox はサーバーへ 1007 を（Chromium は 1002 を）送り、ページには 1006 が見えます。ブラウザーが自ら 1008 を送ることはありません。',
      '同じ内容で再試行しても 1007 は直りません（同じバイト列がまた失敗します）。1008 はポリシー次第で、レート制限なら時間をおけば通ることがあり、認証の失敗なら新しい資格情報が必要です。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1007 (Invalid Payload Data) when the bytes of a message do not match its type: a text frame that is not valid UTF-8, or data that cannot be decoded as the message type promises. On the client: ensure text frames contain only valid UTF-8 encoded data; if you need to send raw bytes, use binary frames instead of text frames.',
      ja: '1007（不正なペイロードデータ）は、メッセージのバイト列がその種類と合わないとき、つまり正しい UTF-8 ではないテキストフレームや、メッセージの種類どおりにデコードできないデータを受け取ったときに使います。クライアント側では、テキストフレームには正しくエンコードされた UTF-8 データだけを入れ、生のバイト列を送る必要があるならテキストフレームではなくバイナリフレームを使ってください。',
    },
    {
      en: 'Use 1008 (Policy Violation) when a well-formed message breaks a rule of your service — rate limits, authentication or token expiry after the handshake, forbidden content, origin — and neither 1003 nor 1009 fits, or you do not want to reveal details. On the client: review the server’s documented policies and constraints, and check for rate limiting, authentication token expiry, or forbidden message content that triggered the rejection.',
      ja: '1008（ポリシー違反）は、形式としては正しいメッセージがサービスのルール（レート制限、ハンドシェイク後の認証やトークンの期限切れ、禁止された内容、Origin）に違反し、1003 も 1009 も当てはまらないとき、または詳細を明かしたくないときに使います。クライアント側では、サーバーが文書化しているポリシーと制約を確認し、拒否のきっかけになったレート制限、認証トークンの期限切れ、禁止された内容がないか調べてください。',
    },
  ],
};

const PROTOCOL_VS_PAYLOAD: CuratedComparison = {
  codes: [1002, 1007],
  keyDifferences: {
    en: [
      '1002 (Protocol error) is about the WebSocket framing itself — opcodes, reserved bits, masking, control-frame rules; 1007 is about the content of a correctly framed message.',
      'Invalid UTF-8 in a received text frame sits on the border: Firefox and undici report it to the server as 1007, Chromium as 1002 ("Invalid UTF-8 in text frame"). Either way the page, as receiver, sees 1006.',
      'The browser frames everything a page sends and never emits invalid UTF-8, so a page cannot cause either failure at the framing level; a 1002 or 1007 the page sees was sent by the server or a proxy.',
      '1002 points to a broken implementation (server library, proxy, extension negotiation); 1007 usually points to the application data (binary in a string, lone surrogates, data rejected by validation).',
    ],
    ja: [
      '1002（プロトコルエラー）は WebSocket のフレーミングそのもの（オペコード、予約ビット、マスク、制御フレームの規則）の問題、1007 は正しくフレーム化されたメッセージの内容の問題です。',
      '受信したテキストフレームの不正な UTF-8 は両者の境界にあります。Firefox と undici はサーバーへ 1007 として、Chromium は 1002（「Invalid UTF-8 in text frame」）として報告します。いずれの場合も、受信側のページには 1006 が見えます。',
      'ページが送るものはすべてブラウザーがフレーム化し、不正な UTF-8 が送られることもないため、ページがフレーミングのレベルでどちらかの失敗を起こすことはありません。ページが受け取る 1002 や 1007 は、サーバーかプロキシが送ったものです。',
      '1002 は実装の不具合（サーバーのライブラリ、プロキシ、拡張のネゴシエーション）を、1007 は多くの場合アプリケーションのデータ（文字列に入れたバイナリ、孤立サロゲート、検証で拒否されたデータ）を示します。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1002 only when the peer broke the framing rules of RFC 6455: a bad opcode, unexpected reserved bits, an unmasked client frame, a fragmented or oversized control frame, a malformed Close frame.',
      ja: '1002 は、相手が RFC 6455 のフレーミング規則に違反したとき（不正なオペコード、想定外の予約ビット、マスクのないクライアントフレーム、分割された・大きすぎる制御フレーム、壊れたクローズフレーム）にだけ使います。',
    },
    {
      en: 'Use 1007 when the frames are valid but a message’s data is inconsistent with its type, such as a text message that is not valid UTF-8.',
      ja: '1007 は、フレームは正しいもののメッセージのデータがその種類と矛盾するとき、たとえば正しい UTF-8 ではないテキストメッセージに使います。',
    },
  ],
};

const TYPE_VS_PAYLOAD: CuratedComparison = {
  codes: [1003, 1007],
  keyDifferences: {
    en: [
      '1003 (Unsupported Data) means the endpoint does not accept this type of message at all, e.g. a text-only endpoint received binary; 1007 means the type is accepted but the payload does not match it, e.g. a text message that is not valid UTF-8.',
      'Sending a Uint8Array to a JSON-only endpoint earns 1003; squeezing the same bytes into a string and sending it as text earns 1007, or a silently corrupted message.',
      'The fix for 1003 is to send the other frame type or negotiate the right subprotocol; the fix for 1007 is to encode the data correctly for the type you use.',
    ],
    ja: [
      '1003（非対応のデータ）はその種類のメッセージをそもそも受け付けないこと（例：テキスト専用のエンドポイントにバイナリが届いた）を、1007 は種類は受け付けるがペイロードがそれと合わないこと（例：正しい UTF-8 ではないテキストメッセージ）を示します。',
      'JSON 専用のエンドポイントへ Uint8Array を送れば 1003 になり、同じバイト列を文字列に押し込んでテキストとして送れば 1007、あるいは気づかないうちに壊れたメッセージになります。',
      '1003 は、もう一方のフレームの種類で送るか正しいサブプロトコルをネゴシエートすれば直ります。1007 は、使う種類に合わせてデータを正しくエンコードする必要があります。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1003 when you do not accept the message type at all: binary at a text-only endpoint, or text at a binary-only endpoint.',
      ja: '1003 は、メッセージの種類そのものを受け付けないとき（テキスト専用のエンドポイントへのバイナリ、バイナリ専用のエンドポイントへのテキスト）に使います。',
    },
    {
      en: 'Use 1007 when you accept the message type but its data is invalid for that type: text that is not valid UTF-8, or data that cannot be decoded.',
      ja: '1007 は、メッセージの種類は受け付けるものの、データがその種類として不正なとき（正しい UTF-8 ではないテキスト、デコードできないデータ）に使います。',
    },
  ],
};

const PAYLOAD_VS_SIZE: CuratedComparison = {
  codes: [1007, 1009],
  keyDifferences: {
    en: [
      '1009 (Message Too Big) is about size only: the message exceeded the receiver’s limit whatever its content; 1007 is about whether the content is valid for its type.',
      'Encoding bytes as base64 text to avoid 1007 makes them a third bigger, which can run into 1009; binary frames avoid both.',
      '1009 is fixed by chunking or by raising a limit; 1007 needs the data itself to change.',
      'Trimming a string to a size limit by UTF-16 index can cut a surrogate pair in half: the browser sends U+FFFD instead, which a validating server may then reject.',
    ],
    ja: [
      '1009（メッセージ過大）はサイズだけの問題で、内容に関係なく受信側の上限を超えたことを示します。1007 は内容がその種類として正しいかどうかの問題です。',
      '1007 を避けるためにバイト列を base64 のテキストにすると 3 分の 1 ほど大きくなり、1009 に引っかかることがあります。バイナリフレームを使えば両方を避けられます。',
      '1009 は分割するか上限を引き上げれば直りますが、1007 はデータそのものを変える必要があります。',
      'サイズ上限に合わせて UTF-16 のインデックスで文字列を切り詰めると、サロゲートペアが半分に切れることがあります。ブラウザーは代わりに U+FFFD を送り、それを検証するサーバーが拒否することがあります。',
    ],
  },
  whenToUse: [
    {
      en: 'Use 1007 when the message fits your limits but its data is invalid for its type.',
      ja: '1007 は、メッセージが上限内に収まっているのに、データがその種類として不正なときに使います。',
    },
    {
      en: 'Use 1009 when a single message is larger than you are willing to process, regardless of its content.',
      ja: '1009 は、1 つのメッセージが内容に関係なく処理できる大きさを超えているときに使います。',
    },
  ],
};

export const COMPARISONS_WITH_1007: readonly CuratedComparison[] = [
  PAYLOAD_VS_POLICY,
  PROTOCOL_VS_PAYLOAD,
  TYPE_VS_PAYLOAD,
  PAYLOAD_VS_SIZE,
];

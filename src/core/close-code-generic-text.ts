// Honest range-level text for numbers that have no entry of their own: the
// unused block, unassigned protocol codes, unregistered 3xxx codes, the
// private range, and values that are no close code at all.
// @see RFC 6455 §7.4.2 (reserved status code ranges)

import type { CloseCodeInfo, CloseCodeText, Locale } from './types';
import { closeCodeRange } from './close-code-range';

export interface GenericCloseCodeEntry {
  name: string;
  severity: CloseCodeInfo['severity'];
  source: string;
  text: Readonly<Record<Locale, CloseCodeText>>;
}

const UNUSED: GenericCloseCodeEntry = {
  name: 'Not used (0–999)',
  severity: 'error',
  source: 'RFC 6455 §7.4.2',
  text: {
    en: {
      title: 'Unused code',
      summary: 'Codes 0–999 are not used as WebSocket close codes; no conforming endpoint sends them.',
      whenYouSeeIt:
        'The peer put a number below 1000 in its Close frame. Chromium passes it to the page unchanged; other clients (undici) fail the connection and report 1006 instead.',
      likelyCauses: [
        'The server forwards an HTTP status (401, 500, …) or an internal error number as the close code.',
        'A bug in a custom framing implementation.',
      ],
      fixes: [
        'Make the server send a valid code: 1000, 1001, 1008, 1011, or 4000–4999 for application meanings.',
        'Read the reason and the server logs for the real cause.',
      ],
    },
    ja: {
      title: '未使用のコード',
      summary: '0〜999 は WebSocket のクローズコードとしては使われません。仕様に沿ったエンドポイントがこれを送ることはありません。',
      whenYouSeeIt:
        '相手がクローズフレームに 1000 未満の数値を入れました。Chromium はそのままページに渡しますが、他のクライアント（undici）は接続を失敗させ、代わりに 1006 を報告します。',
      likelyCauses: [
        'サーバーが HTTP ステータス（401、500 など）や内部エラー番号を、そのままクローズコードとして送っている。',
        '自作のフレーミング実装の不具合。',
      ],
      fixes: [
        'サーバーが有効なコード（1000、1001、1008、1011、またはアプリ固有の意味には 4000〜4999）を送るようにしてください。',
        '本当の原因は reason とサーバーログで確認してください。',
      ],
    },
  },
};

const UNASSIGNED: GenericCloseCodeEntry = {
  name: 'Unassigned (1016–2999)',
  severity: 'error',
  source: 'RFC 6455 §7.4.2; IANA WebSocket Close Code Number Registry (Unassigned)',
  text: {
    en: {
      title: 'Unassigned protocol code',
      summary:
        'Reserved for future revisions and extensions of the WebSocket protocol; IANA has not assigned this code, so it has no defined meaning.',
      whenYouSeeIt:
        'The peer sent a code from the protocol block that nobody has defined. Strict receivers (Autobahn case 7.9, undici) treat it as a protocol error; Chromium passes it to the page unchanged.',
      likelyCauses: [
        'A server or library invented its own code in the protocol range instead of using 4000–4999.',
        'A server forwards an internal error number as the close code.',
      ],
      fixes: [
        'Check your server or library documentation for what it means by this number.',
        'Move application-specific codes to 4000–4999 (private use) or register one in 3000–3999.',
      ],
    },
    ja: {
      title: '未割り当てのプロトコルコード',
      summary:
        'WebSocket プロトコルの将来の改訂や拡張のために予約された範囲です。IANA はこのコードを割り当てておらず、意味は定義されていません。',
      whenYouSeeIt:
        '相手が、誰も定義していないプロトコル範囲のコードを送りました。厳格な受信側（Autobahn のケース 7.9、undici）はプロトコルエラーとして扱い、Chromium はそのままページに渡します。',
      likelyCauses: [
        'サーバーやライブラリが、4000〜4999 を使わずにプロトコル範囲で独自のコードを作っている。',
        'サーバーが内部エラー番号をそのままクローズコードとして送っている。',
      ],
      fixes: [
        'この番号が何を意味するか、サーバーやライブラリのドキュメントを確認してください。',
        'アプリケーション固有のコードは 4000〜4999（プライベート用途）に移すか、3000〜3999 で登録してください。',
      ],
    },
  },
};

const UNREGISTERED: GenericCloseCodeEntry = {
  name: 'Unregistered (3000–3999)',
  severity: 'warning',
  source: 'RFC 6455 §7.4.2, §11.7; IANA WebSocket Close Code Number Registry',
  text: {
    en: {
      title: 'Unregistered library code',
      summary:
        '3000–3999 is for libraries, frameworks and applications, registered with IANA first come, first served. This code is not registered, so its meaning comes from whichever library or server uses it.',
      whenYouSeeIt:
        'A library or server closed with its own code from this block. Some libraries use it without registering (Centrifugo, for example); known library meanings are listed with the code.',
      likelyCauses: [
        'A library or framework defines this code for itself without IANA registration.',
        'Your own server uses the number by convention.',
      ],
      fixes: [
        'Check your server or library documentation for the meaning of this code.',
        'Read the close reason; libraries often put a readable explanation there.',
      ],
    },
    ja: {
      title: '未登録のライブラリ用コード',
      summary:
        '3000〜3999 はライブラリ・フレームワーク・アプリケーション用で、IANA に先着順で登録されます。このコードは登録されていないため、意味はそれを使うライブラリやサーバー次第です。',
      whenYouSeeIt:
        'ライブラリやサーバーが、この範囲の独自コードで接続を閉じました。登録せずにこの範囲を使うライブラリもあります（Centrifugo など）。既知のライブラリでの意味は、コードと一緒に表示されます。',
      likelyCauses: [
        'ライブラリやフレームワークが、IANA に登録せずにこのコードを独自に定義している。',
        '自社のサーバーが慣例としてこの番号を使っている。',
      ],
      fixes: [
        'このコードの意味を、サーバーやライブラリのドキュメントで確認してください。',
        'close の reason を読んでください。ライブラリはそこに読める説明を入れていることが多いです。',
      ],
    },
  },
};

const PRIVATE: GenericCloseCodeEntry = {
  name: 'Private use (4000–4999)',
  severity: 'warning',
  source: 'RFC 6455 §7.4.2',
  text: {
    en: {
      title: 'Private-use code',
      summary:
        '4000–4999 is reserved for private use: the meaning is agreed between your client and server and cannot be registered. Check your server or library documentation.',
      whenYouSeeIt:
        'The application (or a library it uses) closed with its own code. Many libraries reuse the same numbers with different meanings; known library meanings are listed with the code, and marked certain only when the socket shows which library it talks to.',
      likelyCauses: [
        'The server or library ended the session for an application reason (authentication, rate limit, protocol rules of that library).',
        'The page itself called close() with this code (pages may use 3000–4999).',
      ],
      fixes: [
        'Check your server or library documentation for what this code means there.',
        'Read the close reason; it usually says more than the number.',
        "Follow the library's rule on reconnecting: some codes mean retry, others mean stop.",
      ],
    },
    ja: {
      title: 'プライベート用途のコード',
      summary:
        '4000〜4999 はプライベート用途の範囲です。意味はクライアントとサーバーの間の取り決めで決まり、登録はできません。サーバーやライブラリのドキュメントを確認してください。',
      whenYouSeeIt:
        'アプリケーション（またはそれが使うライブラリ）が独自のコードで接続を閉じました。多くのライブラリが同じ番号を別の意味で使っています。既知のライブラリでの意味はコードと一緒に表示され、ソケットの接続先ライブラリが判別できた場合にだけ「確定」と示されます。',
      likelyCauses: [
        'サーバーやライブラリが、アプリケーション上の理由（認証、レート制限、そのライブラリのプロトコル規則）でセッションを終了した。',
        'ページ自身がこのコードで close() を呼んだ（ページは 3000〜4999 を使えます）。',
      ],
      fixes: [
        'サーバーやライブラリのドキュメントで、このコードの意味を確認してください。',
        'close の reason を読んでください。番号よりも多くのことが書かれているのが普通です。',
        '再接続についてはライブラリの規則に従ってください。再試行を意味するコードもあれば、停止を意味するコードもあります。',
      ],
    },
  },
};

const INVALID: GenericCloseCodeEntry = {
  name: 'Invalid close code',
  severity: 'error',
  source: 'RFC 6455 §7.4 and §5.5.1; WHATWG WebSockets Standard, close()',
  text: {
    en: {
      title: 'Not a valid close code',
      summary:
        'Close codes are integers in defined ranges up to 4999; this value is outside all of them and has no meaning.',
      whenYouSeeIt:
        'Values from 5000 to 65535 fit in a Close frame and Chromium passes them to the page, but no range defines them. Fractions, negative numbers, NaN, Infinity and values above 65535 cannot come from a Close frame at all: they point to a bug in the code that produced the number.',
      likelyCauses: [
        'A server sent a number outside every defined range (e.g. an HTTP-like or internal error number).',
        'Code computed or parsed the value wrongly (a string, a fraction, an unset variable).',
        'The value was meant for close(), where it throws InvalidAccessError.',
      ],
      fixes: [
        'Use 1000 or 3000–4999 from a page, and only defined codes from a server.',
        'Trace where the number came from; log the raw Close frame or CloseEvent.code.',
      ],
    },
    ja: {
      title: '無効なクローズコード',
      summary:
        'クローズコードは 4999 までの定義された範囲の整数です。この値はどの範囲にも属さず、意味を持ちません。',
      whenYouSeeIt:
        '5000〜65535 の値はクローズフレームに入れることができ、Chromium はページにそのまま渡しますが、どの範囲でも定義されていません。小数、負の数、NaN、Infinity、65535 を超える値はクローズフレームから来ることがなく、その数値を作ったコードの不具合を示しています。',
      likelyCauses: [
        'サーバーが、定義されたどの範囲にも入らない番号（HTTP 風の番号や内部エラー番号など）を送った。',
        'コードが値を誤って計算または解析した（文字列、小数、未設定の変数）。',
        'close() に渡すつもりの値だった。その場合 close() は InvalidAccessError を投げる。',
      ],
      fixes: [
        'ページからは 1000 か 3000〜4999 を、サーバーからは定義済みのコードだけを使ってください。',
        'その数値の出どころを追ってください。生のクローズフレームや CloseEvent.code を記録すると確実です。',
      ],
    },
  },
};

/** Range-level entry for a number without its own registry entry. */
export function genericCloseCodeEntry(code: number): GenericCloseCodeEntry {
  switch (closeCodeRange(code)) {
    case 'unused':
      return UNUSED;
    case 'protocol':
      return UNASSIGNED;
    case 'registered':
      return UNREGISTERED;
    case 'private':
      return PRIVATE;
    case 'invalid':
      return INVALID;
  }
}

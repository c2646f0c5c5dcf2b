// Causes read from the code itself: a code that must never be on the wire,
// library meanings of private codes (certain only when the socket's context
// proves the library), and the registry's likely causes for everything else.
// @see RFC 6455 §7.4.1 (1005, 1006, 1015 MUST NOT be set in a Close frame), §7.4.2 (4000–4999 private)

import type { RuleContext } from './context';
import { closeEvidence } from './evidence';
import { SCORE } from './scores';
import type { RankedCause } from './types';

/**
 * A page legitimately sees 1005 (an empty Close frame) and 1006 (a failed or
 * dropped connection, wasClean false). Only a *clean* close with 1006 or 1015
 * proves a Close frame carried that code: the server put it on the wire.
 * A server sending 1005 cannot be told apart here: Chromium fails such a
 * connection (the page sees error + 1006), which the 1006 rules cover.
 */
export function reservedCodeOnWire(ctx: RuleContext): boolean {
  return ctx.close.wasClean && (ctx.code === 1006 || ctx.code === 1015);
}

export function diagnoseReservedOnWire(ctx: RuleContext): RankedCause[] {
  const code = ctx.code;
  return [
    {
      id: 'reserved-code-on-wire',
      score: SCORE.DIRECT,
      title: ctx.t(`The server sent ${code}, a code that must never be on the wire`, `サーバーが、通信路に載せてはならない ${code} を送りました`),
      explanation: ctx.t(
        `1005, 1006 and 1015 exist only for an endpoint to report locally; RFC 6455 forbids them in a Close frame. This close was clean, so a Close frame did arrive, and it carried ${code}. Chromium fails such a connection (the server gets 1002, the page sees an error and 1006); this client passed the code through. Make the server send 1000, 1001, 1011, or 4000–4999 for its own meanings.`,
        `1005・1006・1015 はエンドポイントが手元で報告するためだけのコードで、RFC 6455 はクローズフレームに入れることを禁じています。このクローズは正常に完了しているので、クローズフレームは届いており、そこに ${code} が入っていました。Chromium ならこの接続を失敗させます（サーバーには 1002 が送られ、ページには error と 1006 が届きます）が、このクライアントはコードをそのまま通しました。サーバーが 1000、1001、1011、または独自の意味には 4000〜4999 を送るよう修正してください。`,
      ),
      evidence: [closeEvidence(ctx)],
    },
  ];
}

/** 'graphql-ws (GraphQL over WebSocket, …)' → 'graphql-ws'. */
const slug = (library: string) => library.split(' (')[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Library meanings of the code: certain ones rank high, guesses low. */
export function diagnoseAppMeanings(ctx: RuleContext): RankedCause[] {
  const meanings = ctx.info.appMeanings;
  const certain = meanings.filter((m) => m.certain);
  if (certain.length > 0) {
    return certain.map((m) => {
      const reconnect =
        m.reconnect === undefined
          ? ''
          : m.reconnect
            ? ctx.t(` ${m.library} says a client should reconnect after it.`, `${m.library} はこのコードの後に再接続するよう定めています。`)
            : ctx.t(` ${m.library} says a client should not reconnect after it.`, `${m.library} はこのコードの後に再接続しないよう定めています。`);
      return {
        id: 'app-code-meaning',
        score: SCORE.DIRECT,
        title: `${m.library}${ctx.t(': ', '：')}${m.meaning}`,
        explanation:
          ctx.t(
            `This socket talks to ${m.library} (recognised by ${m.matchedBy ?? 'its context'}), which defines ${ctx.code} as "${m.meaning}".`,
            `このソケットの相手は ${m.library} です（${m.matchedBy ?? 'ソケットの情報'} から判別）。${m.library} は ${ctx.code} を「${m.meaning}」と定義しています。`,
          ) + reconnect,
        evidence: [closeEvidence(ctx)],
      };
    });
  }
  return meanings.slice(0, 5).map((m) => ({
    id: `app-code-candidate-${slug(m.library)}`,
    score: SCORE.CANDIDATE,
    title: ctx.t(`If this is ${m.library}: ${m.meaning}`, `${m.library} の場合：${m.meaning}`),
    explanation: ctx.t(
      `${m.library} defines ${ctx.code} as "${m.meaning}", but nothing in this socket's URL or subprotocol shows that ${m.library} is in use. Codes 4000–4999 mean whatever the two endpoints agreed on: check the server's code for where it closes with ${ctx.code}.`,
      `${m.library} は ${ctx.code} を「${m.meaning}」と定義していますが、このソケットの URL やサブプロトコルからは ${m.library} を使っているとは判断できません。4000〜4999 の意味は両端の取り決めしだいなので、サーバーのコードで ${ctx.code} を使って閉じている箇所を確認してください。`,
    ),
    evidence: [closeEvidence(ctx)],
  }));
}

/** The registry's likely causes of the code, in its order, as low-score candidates. */
export function diagnoseLikelyCauses(ctx: RuleContext): RankedCause[] {
  return ctx.info.likelyCauses.map((text, i) => ({
    id: `likely-cause-${i + 1}`,
    score: Math.max(SCORE.FALLBACK, Math.round((SCORE.CANDIDATE + 0.05 - 0.05 * i) * 100) / 100),
    title: text,
    explanation: ctx.info.whenYouSeeIt,
    evidence: [closeEvidence(ctx)],
  }));
}

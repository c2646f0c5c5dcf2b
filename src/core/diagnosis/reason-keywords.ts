// What a close reason talks about. Servers write reasons for humans
// ("Rate limit exceeded", "invalid utf-8"), so a few word stems say a lot;
// a match is the server's own words and is quoted as evidence.

export type ReasonTopic = 'encoding' | 'malformed' | 'auth' | 'origin' | 'rate' | 'policy' | 'size' | 'restart';

/** Word stems per topic; matched case-insensitively at the start of a word. */
const TOPICS: Readonly<Record<ReasonTopic, RegExp>> = {
  encoding: /\b(utf|encod|decod|charset|unicode|surrogate)/i,
  malformed: /\b(json|payload|invalid|schema|pars(e|ing)|malformed|unexpected token|bad (message|request|data))/i,
  auth: /\b(auth|unauthori[sz]ed|token|expire|forbidden|credential|jwt|session|login|ticket|permission|denied)/i,
  origin: /\b(origin|cors|csrf)/i,
  rate: /\b(rate|limit|too many|throttl|flood|spam|quota|slow down)/i,
  policy: /\b(polic|violat|not allowed|banned?|blocked)/i,
  size: /\b(too (big|large|long)|size|max(imum)?|exceed|length)/i,
  restart: /\b(restart|shut ?down|deploy|maintenance|going away|reboot|drain|upgrad|reload)/i,
};

/** The topics a reason mentions, in the order of `wanted`. */
export function reasonTopics(reason: string, wanted: readonly ReasonTopic[]): ReasonTopic[] {
  if (!reason) return [];
  return wanted.filter((topic) => TOPICS[topic].test(reason));
}

export function reasonMentions(reason: string, topic: ReasonTopic): boolean {
  return reason !== '' && TOPICS[topic].test(reason);
}

/** Numbers of at least 3 digits in a reason ('max 65536 bytes', '1,048,576'), e.g. a size limit. */
export function reasonNumbers(reason: string): number[] {
  const out: number[] = [];
  for (const match of reason.matchAll(/\d[\d,_]{2,}/g)) {
    const n = Number(match[0].replace(/[,_]/g, ''));
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

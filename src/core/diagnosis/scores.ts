// What a cause's score means. Rules start from one of these levels and add
// the small, named bonuses below; nothing else picks a number.

export const SCORE = {
  /** Direct evidence: the browser's own error text, the page's own close() call, a library meaning the context proves. */
  DIRECT: 0.9,
  /** The server's own words in the close reason. */
  SERVER_SAYS: 0.8,
  /** A measured pattern that fits this cause well (flagged frames just before a 1007, idle time ≈ a proxy timeout). */
  STRONG: 0.75,
  /** A pattern that fits, but other causes fit it too. */
  LIKELY: 0.6,
  /** Circumstantial: consistent with the timeline, not pointed to by it. */
  POSSIBLE: 0.45,
  /** A candidate without support from this timeline (a library meaning for another context, a generic cause). */
  CANDIDATE: 0.3,
  /** The fallback when no rule found anything in the timeline. */
  FALLBACK: 0.2,
} as const;

/** Bonuses rules add to a level. */
export const BONUS = {
  /** The close reason agrees with the pattern. */
  REASON_AGREES: 0.15,
  /** Evidence right before the close (scaled by closeness). */
  RECENT: 0.15,
  /** The pattern repeats (scaled by how often). */
  REPEATED: 0.1,
} as const;

/**
 * Scores stay inside (0, 1) and compare cleanly: two decimals, and never above
 * DIRECT, so a pattern plus bonuses can tie direct evidence but not beat it.
 */
export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return SCORE.FALLBACK;
  return Math.round(Math.min(SCORE.DIRECT, Math.max(0.05, score)) * 100) / 100;
}

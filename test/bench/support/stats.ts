// Medians and A/B interleaving for the benchmarks: every figure is a ratio or
// a count taken in one run, the variants alternating round by round.

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Runs `rounds` rounds; each runs every variant once, in an order that
 * rotates from round to round (A B C, B C A, C A B, …), so drift on a noisy
 * machine hits every variant alike. Returns each variant's samples by name.
 */
export async function interleave<K extends string>(
  rounds: number,
  variants: Record<K, () => Promise<number>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      samples[name].push(await variants[name]());
    }
  }
  return samples;
}

/** The median over rounds of (numerator sample / denominator sample) taken in the same round. */
export function medianRatio(numerator: readonly number[], denominator: readonly number[]): number {
  return median(numerator.map((x, i) => x / denominator[i]!));
}

// Shared by the core benchmarks (Node): flat test strings and per-call timing.

/** A flat string of exactly `units` UTF-16 code units (TextDecoder output is flat, like most real payloads). */
export function flatText(source: string, units: number): string {
  let s = source;
  while (s.length < units) s += s;
  return new TextDecoder().decode(new TextEncoder().encode(s.slice(0, units)));
}

/** Counts truthy results so the calls cannot be optimised away; read it once at the end. */
export const timingSink = { count: 0 };

/** Milliseconds per call over `reps` calls. */
export function msPerCall(fn: () => unknown, reps: number): number {
  const start = performance.now();
  for (let i = 0; i < reps; i++) if (fn()) timingSink.count++;
  return (performance.now() - start) / reps;
}

/** How many calls fit in about `sampleMs`. */
export function repsFor(fn: () => unknown, sampleMs: number): number {
  const start = performance.now();
  let reps = 0;
  while (performance.now() - start < sampleMs) {
    fn();
    reps++;
  }
  return Math.max(1, reps);
}

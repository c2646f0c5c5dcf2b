// The bench's table: each figure with its goal and verdict (never a failure).

export interface Verdict {
  field: string;
  value: number | string;
  goal: string;
  /** null: reported only, no goal. */
  ok: boolean | null;
}

function format(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : value.toFixed(3);
}

/** The table as Markdown (also printed), so it can go into the README as is. */
export function markdownTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => `| \`${v.field}\` | ${format(v.value)} | ${v.goal} | ${v.ok === null ? '—' : v.ok ? 'holds' : '**missed**'} |`);
  return ['| figure | value | goal | verdict |', '|---|---:|---|---|', ...rows].join('\n');
}

export function printReport(results: Record<string, unknown>, verdicts: readonly Verdict[]): void {
  const m = results.machine as Record<string, unknown>;
  console.log(`\nMachine: ${m.os}; ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.chromium}; ${m.date}\n`);
  console.log(markdownTable(verdicts));
  console.log('');
}

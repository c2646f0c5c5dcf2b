// A hex dump: offset, 16 bytes, ASCII. Text nodes only.

import { hexDumpLines } from '../logic/hex';

export function HexDump({ bytes, label }: { bytes: readonly number[]; label: string }) {
  const lines = hexDumpLines(bytes);
  return (
    <div class="hexdump" role="table" aria-label={label} data-testid="hex-dump">
      {lines.map((line) => (
        <div class="hex-line" role="row" key={line.offset}>
          <span class="hex-offset" role="cell">{line.offset}</span>
          <span class="hex-bytes" role="cell">{line.hex}</span>
          <span class="hex-ascii" role="cell">{line.ascii}</span>
        </div>
      ))}
    </div>
  );
}

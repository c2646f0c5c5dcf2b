// Two panes and a draggable divider (also movable with the arrow keys), like
// DevTools' split widgets. The first pane's share is kept in the component.

import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface SplitViewProps {
  direction: 'row' | 'column';
  first: ComponentChildren;
  second: ComponentChildren | null;
  /** Share of the first pane, 0.15–0.85. */
  initial?: number;
  label: string;
  class?: string;
}

const MIN = 0.15;
const MAX = 0.85;
const clamp = (v: number) => Math.min(MAX, Math.max(MIN, v));

export function SplitView({ direction, first, second, initial = 0.5, label, class: cls }: SplitViewProps) {
  const [share, setShare] = useState(initial);
  const root = useRef<HTMLDivElement>(null);

  const onPointerDown = (e: PointerEvent) => {
    const el = root.current;
    if (!el) return;
    e.preventDefault();
    const rect = el.getBoundingClientRect();
    const move = (ev: PointerEvent) => {
      const ratio = direction === 'row' ? (ev.clientX - rect.left) / rect.width : (ev.clientY - rect.top) / rect.height;
      if (Number.isFinite(ratio)) setShare(clamp(ratio));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const forward = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    if (e.key === back) setShare((s) => clamp(s - 0.05));
    else if (e.key === forward) setShare((s) => clamp(s + 0.05));
    else return;
    e.preventDefault();
  };

  if (second === null) {
    return <div class={`split split-${direction} ${cls ?? ''}`}><div class="split-pane split-only">{first}</div></div>;
  }
  return (
    <div ref={root} class={`split split-${direction} ${cls ?? ''}`}>
      <div class="split-pane" style={{ flexBasis: `${share * 100}%` }}>{first}</div>
      <div
        class="split-divider"
        role="separator"
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-label={label}
        aria-valuenow={Math.round(share * 100)}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div class="split-pane split-second">{second}</div>
    </div>
  );
}

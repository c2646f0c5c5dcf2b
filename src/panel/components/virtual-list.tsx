// A fixed-row-height virtual list: only the rows in view (plus a little
// overscan) exist in the DOM, so 100,000 frames scroll like 100. The parent
// owns selection and keyboard handling; the list keeps the active row in view.

import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Used when the container has no layout yet (happy-dom, a hidden panel). */
const FALLBACK_VIEWPORT_PX = 600;

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  renderRow(index: number): JSX.Element;
  /** Row to keep in view; re-applied whenever it or `revealNonce` changes. */
  activeIndex?: number | null;
  revealNonce?: number;
  overscan?: number;
  header?: ComponentChildren;
  class?: string;
  /** Attributes for the scrolling element (role, aria-*, tabIndex, onKeyDown, data-testid). */
  scrollerProps?: JSX.HTMLAttributes<HTMLDivElement>;
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, renderRow, activeIndex = null, revealNonce = 0, overscan = 8 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT_PX);
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the active row visible (arrow keys, evidence links, warning jumps).
  useEffect(() => {
    const el = scroller.current;
    if (!el || activeIndex === null || activeIndex < 0) return;
    const headerPx = el.querySelector<HTMLElement>('.vlist-header')?.offsetHeight ?? 0;
    const top = activeIndex * rowHeight;
    const visible = (el.clientHeight || viewport) - headerPx;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + visible) el.scrollTop = Math.max(0, top + rowHeight - visible);
    setScrollTop(el.scrollTop);
  }, [activeIndex, revealNonce, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const rows: JSX.Element[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));

  return (
    <div
      {...props.scrollerProps}
      ref={scroller}
      class={`vlist ${props.class ?? ''}`}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      {props.header && <div class="vlist-header">{props.header}</div>}
      <div class="vlist-body" style={{ height: `${count * rowHeight}px` }}>
        <div class="vlist-window" style={{ transform: `translateY(${first * rowHeight}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

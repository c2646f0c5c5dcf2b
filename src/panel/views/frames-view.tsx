// The timeline of one connection: frames and control events in a virtual
// list (fixed 20px rows), filters, and the selected record's detail below.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { usePanel } from '../context';
import { SplitView } from '../components/split-view';
import { VirtualList } from '../components/virtual-list';
import { EMPTY_FILTER, TimelineFilterCache, type TimelineFilter } from '../logic/timeline-filter';
import type { Connection } from '../store/model';
import { FramesFilterBar } from './frames-filter-bar';
import { FrameRow, FrameHeader } from './frame-row';
import { FrameDetail } from './frame-detail';

export const FRAME_ROW_HEIGHT = 20;

export function FramesView({ connection, version }: { connection: Connection; version: number }) {
  const { t, nav, navigate } = usePanel();
  const [filter, setFilter] = useState<TimelineFilter>(EMPTY_FILTER);
  const [absoluteTime, setAbsoluteTime] = useState(false);
  const cache = useRef(new TimelineFilterCache());
  const timeline = connection.timeline;
  const filtered = useMemo(() => cache.current.apply(timeline, filter), [timeline, timeline.length, filter, version]);

  const selectedSeq = nav.selectedSeq;
  const activeIndex = useMemo(() => {
    if (selectedSeq === null) return -1;
    for (let i = 0; i < filtered.count; i++) if (timeline[filtered.indices[i]!]!.seq === selectedSeq) return i;
    return -1;
  }, [selectedSeq, filtered, filtered.count]);

  // A jump to a record hidden by the filters clears them, so the record shows.
  useEffect(() => {
    if (selectedSeq !== null && activeIndex < 0 && timeline.some((r) => r.seq === selectedSeq)) setFilter(EMPTY_FILTER);
  }, [nav.reveal]);

  const selected = activeIndex >= 0 ? timeline[filtered.indices[activeIndex]!]! : null;
  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(filtered.count - 1, index));
    const record = timeline[filtered.indices[clamped] ?? -1];
    if (record) navigate.selectSeq(record.seq);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = 10;
    if (e.key === 'ArrowDown') move(activeIndex + 1);
    else if (e.key === 'ArrowUp') move(activeIndex < 0 ? 0 : activeIndex - 1);
    else if (e.key === 'PageDown') move(activeIndex + page);
    else if (e.key === 'PageUp') move(activeIndex - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(filtered.count - 1);
    else if (e.key === 'Enter' && selected) document.querySelector<HTMLElement>('[data-testid="frame-detail"]')?.focus();
    else if (e.key === 'Escape' && selected) navigate.selectSeq(null);
    else return;
    e.preventDefault();
  };

  const start = connection.createdAt;
  const list = (
    <div class="pane-column">
      <FramesFilterBar
        filter={filter}
        onChange={setFilter}
        error={filtered.error}
        shown={filtered.count}
        total={timeline.length}
        absoluteTime={absoluteTime}
        onToggleTime={() => setAbsoluteTime((a) => !a)}
      />
      <VirtualList
        count={filtered.count}
        rowHeight={FRAME_ROW_HEIGHT}
        activeIndex={activeIndex}
        revealNonce={nav.reveal}
        header={<FrameHeader t={t} />}
        class="frames-list"
        scrollerProps={{
          role: 'grid',
          tabIndex: 0,
          'aria-label': t('frames_of', connection.url),
          'aria-rowcount': filtered.count + 1,
          'aria-activedescendant': selected ? `frame-${selected.seq}` : undefined,
          onKeyDown,
          'data-testid': 'frames-list',
        } as never}
        renderRow={(i) => {
          const record = timeline[filtered.indices[i]!]!;
          // Keyed by position in the filtered list, not by record: a new filter then
          // rewrites the rows in place instead of replacing every one (measured: a
          // fifth less time to the painted result), and a scroll still only adds
          // and removes the rows at the edges.
          return (
            <FrameRow
              key={i}
              record={record}
              index={i}
              start={start}
              absoluteTime={absoluteTime}
              selected={record.seq === selectedSeq}
              onSelect={navigate.selectSeq}
              t={t}
            />
          );
        }}
      />
      {filtered.count === 0 && <p class="empty">{t('no_matching_frames')}</p>}
    </div>
  );
  return (
    <SplitView
      direction="column"
      initial={0.6}
      label={t('resize_frame_detail')}
      first={list}
      second={selected ? <FrameDetail record={selected} connection={connection} /> : null}
    />
  );
}

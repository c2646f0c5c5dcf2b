import { describe, expect, it } from 'vitest';
import type { DocumentSource } from '../../protocol/envelope';
import type { PageRecord } from '../../protocol/records';
import { createConnectionStore } from './connection-store';

const top: DocumentSource = { docId: 'doc-a', frameUrl: 'http://127.0.0.1/', isTop: true };
const child: DocumentSource = { docId: 'doc-b', frameUrl: 'http://127.0.0.1/frame', isTop: false };

const created = (seq: number, socket = 1): PageRecord => ({
  type: 'created', seq, time: seq, socket, url: `ws://127.0.0.1/${socket}`, protocols: [], frameUrl: top.frameUrl, stack: '',
});
const open = (seq: number, socket = 1): PageRecord => ({ type: 'open', seq, time: seq, socket, protocol: 'chat', extensions: '' });
const sent = (seq: number, size = 3): PageRecord => ({
  type: 'sent', seq, time: seq, socket: 1, kind: 'text', size, preview: 'abc', truncated: false, readyState: 1, bufferedAmount: 0, thrown: null,
  findings: [{ kind: 'lone-surrogate', severity: 'error', message: { en: 'e', ja: 'j' }, index: 1 }],
});
const closed = (seq: number, code = 1007): PageRecord => ({ type: 'closed', seq, time: seq, socket: 1, code, reason: 'bad', wasClean: true });

describe('connection store', () => {
  it('follows a socket through its lifecycle', () => {
    const store = createConnectionStore();
    store.applyRecords({ source: top, records: [created(1), open(2), sent(3, 10), closed(4)] });
    const [c] = store.getState().connections;
    expect(c).toMatchObject({ state: 'closed', protocol: 'chat', sent: { frames: 1, bytes: 10 }, close: { code: 1007, reason: 'bad', wasClean: true } });
    expect(c!.timeline.map((r) => r.type)).toEqual(['created', 'open', 'sent', 'closed']);
    expect(store.getState().findings.map((f) => f.kind)).toEqual(['lone-surrogate']);
  });

  it('applies each seq once, so replays after a reconnect add nothing twice', () => {
    const store = createConnectionStore();
    store.applyRecords({ source: top, records: [created(1), open(2), sent(3)] });
    store.applyRecords({ source: top, records: [sent(3), sent(4), closed(5)] });
    const [c] = store.getState().connections;
    expect(c!.timeline.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(store.cursors()).toEqual({ 'doc-a': 5 });
  });

  it('keeps documents apart and marks each new top document', () => {
    const store = createConnectionStore();
    store.applyRecords({ source: top, records: [created(1)] });
    store.applyRecords({ source: child, records: [created(1)] });
    const state = store.getState();
    expect(state.connections.map((c) => c.key)).toEqual(['doc-a:1', 'doc-b:1']);
    expect(state.markers).toHaveLength(1);
  });

  it('notifies subscribers and keeps cursors across clear()', () => {
    const store = createConnectionStore();
    const versions: number[] = [];
    store.subscribe((s) => versions.push(s.version));
    store.applyRecords({ source: top, records: [created(1), open(2)] });
    store.clear();
    store.applyRecords({ source: top, records: [created(1), open(2)] });
    expect(versions).toHaveLength(3);
    expect(store.getState().connections).toHaveLength(0);
  });
});

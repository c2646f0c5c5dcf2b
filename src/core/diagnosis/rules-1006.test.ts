import { describe, expect, it } from 'vitest';
import { diagnoseClose, type Diagnosis, type DiagnosisInput, type DiagnosisOptions } from '../diagnose';
import { SEC, timeline } from './test-timeline';

function run(input: DiagnosisInput, options: DiagnosisOptions = {}): Diagnosis {
  const d = diagnoseClose(input, { locale: 'en', ...options });
  if (!d) throw new Error('expected a diagnosis');
  return d;
}
const ids = (d: Diagnosis) => d.causes.map((c) => c.id);
const UTF8 = 'Could not decode a text frame as UTF-8.';

/** Opened, received a frame, then error + close 1006 (the browser failed the connection). */
function failed() {
  const b = timeline();
  b.created(0);
  b.open(100);
  b.receive(1 * SEC, 20, 'arraybuffer');
  const lastText = b.receive(2 * SEC, 30);
  const error = b.error(3 * SEC);
  const closed = b.closed(3 * SEC + 1, 1006, '', false);
  return { b, lastText, error, closed };
}

describe('1006-invalid-utf8-received', () => {
  it("is direct when Chrome's HAR quotes the UTF-8 error, with the HAR text, the error and the last text frame", () => {
    const { b, lastText, error } = failed();
    const d = run(b.build({ source: 'har', status: 101, errors: [UTF8] }), { browser: 'chrome' });
    expect(d.initiator).toBe('browser');
    expect(ids(d)).toEqual(['1006-invalid-utf8-received', '1006-protocol-failure']);
    const c = d.causes[0]!;
    expect(c.score).toBe(0.9);
    expect(c.evidence.map((e) => e.seq)).toEqual([null, error, lastText]);
    expect(c.evidence[0]!.quote).toBe(UTF8);
    expect(c.explanation).toContain('1002 "Invalid UTF-8 in text frame"');
    expect(c.explanation).not.toContain('Firefox');
    expect(d.causes[1]!.score).toBe(0.3);
  });

  it('is the first suspect without network evidence, and names both browsers when the browser is unknown', () => {
    const { b } = failed();
    const d = run(b.build());
    expect(ids(d)).toEqual(['1006-invalid-utf8-received', '1006-protocol-failure']);
    expect(d.causes[0]!.score).toBe(0.6);
    expect(d.causes[0]!.explanation).toContain('Chromium');
    expect(d.causes[0]!.explanation).toContain('Firefox sends 1007');
  });

  it('says only what Firefox does when the browser is Firefox', () => {
    const { b } = failed();
    const text = run(b.build({ unavailable: 'Firefox' }), { browser: 'firefox' }).causes[0]!.explanation;
    expect(text).toContain('Firefox sends 1007');
    expect(text).not.toContain('1002');
  });
});

describe('1006-protocol-failure', () => {
  it('ranks first, quoting the browser, when the HAR names another error', () => {
    const { b, error } = failed();
    const other = 'One or more reserved bits are on: reserved1 = 1, reserved2 = 0, reserved3 = 0';
    const d = run(b.build({ source: 'har', status: 101, errors: [other] }));
    expect(ids(d)).toEqual(['1006-protocol-failure', '1006-invalid-utf8-received']);
    expect(d.causes[0]!.evidence).toEqual([expect.objectContaining({ seq: null, quote: other }), expect.objectContaining({ seq: error })]);
    expect(d.causes[1]!.score).toBe(0.3);
  });
});

describe('1006-handshake-refused / 1006-server-unreachable (never opened)', () => {
  function refused() {
    const b = timeline('wss://api.example.test/ws');
    const created = b.created(0);
    const error = b.error(120);
    b.closed(121, 1006, '', false);
    return { b, created, error };
  }

  it('shows the HTTP status quoted from the HAR', () => {
    const { b, created, error } = refused();
    const quote = 'Error during WebSocket handshake: Unexpected response code: 403';
    const d = run(b.build({ source: 'har', status: 0, errors: [quote] }));
    expect(d.initiator).toBe('browser');
    expect(ids(d)).toEqual(['1006-handshake-refused']);
    expect(d.causes[0]!.title).toBe('The server refused the handshake: HTTP 403');
    expect(d.causes[0]!.score).toBe(0.9);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([null, created, error]);
    expect(d.causes[0]!.evidence[0]!.quote).toBe(quote);
    expect(d.causes[0]!.explanation).toContain('Origin');
  });

  it("reads Chrome's 401 wording", () => {
    const { b } = refused();
    const d = run(b.build({ source: 'har', status: 0, errors: ['HTTP Authentication failed; no valid credentials available'] }));
    expect(d.causes[0]!.title).toContain('HTTP 401');
  });

  it('says why the status is unknown when the network log is unavailable', () => {
    const { b, created, error } = refused();
    const d = run(b.build({ unavailable: 'Firefox does not expose WebSocket HAR entries' }), { browser: 'chrome' });
    expect(ids(d)).toEqual(['1006-handshake-refused', '1006-server-unreachable']);
    expect(d.causes.map((c) => c.score)).toEqual([0.45, 0.4]);
    for (const c of d.causes) {
      expect(c.evidence.map((e) => e.seq)).toEqual([null, created, error]);
      expect(c.evidence[0]!.quote).toBe('Firefox does not expose WebSocket HAR entries');
      expect(c.evidence[0]!.label).toContain('hides it from scripts');
    }
  });

  it('in Firefox also offers a failure on an invalid first frame (it fails before open)', () => {
    const { b, created, error } = refused();
    const d = run(b.build({ unavailable: 'Firefox does not expose WebSocket HAR entries' }), { browser: 'firefox' });
    expect(ids(d)).toEqual(['1006-handshake-refused', '1006-server-unreachable', '1006-invalid-utf8-received']);
    expect(d.causes[2]!.score).toBeCloseTo(0.35);
    expect(d.causes[2]!.evidence.map((e) => e.seq)).toEqual([created, error]);
  });

  it('reads a HAR entry without a response as unreachable', () => {
    const { b } = refused();
    expect(ids(run(b.build({ source: 'har', status: 0, errors: [] })))).toEqual(['1006-server-unreachable']);
  });

  it('quotes any other handshake error as a direct cause', () => {
    const { b } = refused();
    const quote = "Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received";
    const d = run(b.build({ source: 'har', status: 0, errors: [quote] }));
    expect(ids(d)).toEqual(['1006-handshake-failed']);
    expect(d.causes[0]!.evidence[0]!.quote).toBe(quote);
  });
});

describe('1006-proxy-idle-timeout / 1006-connection-dropped', () => {
  function idle(seconds: number) {
    const b = timeline();
    b.open(0);
    b.sendText(1 * SEC, 'hello');
    const last = b.receive(2 * SEC, 5);
    const closed = b.closed(2 * SEC + seconds * SEC, 1006, '', false);
    return { input: b.build(), last, closed };
  }

  it('suspects a proxy idle timeout after ~60 s of silence, naming the last frame and the idle time', () => {
    const { input, last, closed } = idle(61);
    const d = run(input);
    expect(d.initiator).toBe('browser');
    expect(ids(d)).toEqual(['1006-proxy-idle-timeout', '1006-connection-dropped']);
    expect(d.causes[0]!.score).toBe(0.75);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([last, closed]);
    expect(d.causes[0]!.evidence[0]!.label).toContain('then nothing for 1 min 1 s until the close');
    expect(d.causes[1]!.score).toBe(0.45);
  });

  it('matches the 100 s Cloudflare timeout', () => {
    expect(ids(run(idle(95).input))[0]).toBe('1006-proxy-idle-timeout');
  });

  it('calls an 80 s gap a plain drop', () => {
    const { input, closed } = idle(80);
    const d = run(input);
    expect(ids(d)).toEqual(['1006-connection-dropped']);
    expect(d.causes[0]!.score).toBe(0.6);
    expect(d.causes[0]!.evidence[0]!.seq).toBe(closed);
  });
});

describe('1006 after the page called close()', () => {
  it('1006-closed-while-connecting: close() before open is the page aborting the handshake', () => {
    const b = timeline();
    b.created(0);
    const req = b.closeRequest(5, null);
    const closed = b.closed(6, 1006, '', false);
    const d = run(b.build());
    expect(d.initiator).toBe('page');
    expect(ids(d)).toEqual(['1006-closed-while-connecting']);
    expect(d.causes[0]!.evidence.map((e) => e.seq)).toEqual([req, closed]);
    expect(d.causes[0]!.evidence[0]!.quote).toContain('closeSocket');
  });

  it('1006-close-unanswered: close() after open with no Close frame back', () => {
    const b = timeline();
    b.open(0);
    const req = b.closeRequest(5 * SEC, 1000, 'bye');
    b.closed(35 * SEC, 1006, '', false);
    const d = run(b.build());
    expect(d.initiator).toBe('page');
    expect(ids(d)).toEqual(['1006-close-unanswered']);
    expect(d.causes[0]!.evidence[0]!.seq).toBe(req);
    expect(d.causes[0]!.explanation).toContain('30 s later');
  });
});

// The demo's playground page: one button per scenario, each saying what it
// reproduces. Every button opens a socket against the scenario server; the
// page records each close in `window.__closed[id]` (the demo waits on it).

export interface DemoScenario {
  id: string;
  title: string;
  explains: string;
  /** Page JS run on click; `url(path)` builds a ws:// URL on the scenario server, `done(ws)` reports its close. */
  script: string;
}

export const DEMO_SCENARIOS: DemoScenario[] = [
  { id: 'normal-1000', title: '1000 Normal Closure', explains: 'The page sends a message and closes the socket itself when the echo arrives.', script: `const ws = new WebSocket(url('echo')); done(ws); ws.onopen = () => ws.send('{"hello":"world"}'); ws.onmessage = () => ws.close(1000, 'finished');` },
  { id: 'going-away-1001', title: '1001 Going Away', explains: 'The server shuts down and says so: reconnect with backoff.', script: `done(new WebSocket(url('close?code=1001&reason=server%20shutting%20down&delay=300')));` },
  { id: 'drop-1006', title: '1006 by a dropped connection', explains: 'The server drops TCP without a close frame: no error event, an unclean 1006.', script: `done(new WebSocket(url('raw/drop?delay=300')));` },
  { id: 'bad-utf8-1006', title: '1006 by invalid UTF-8 from the server', explains: 'The server sends the bytes C3 28 in a text frame: the browser fails the connection (error, then 1006).', script: `done(new WebSocket(url('raw/bad-utf8-text')));` },
  { id: 'refused-1006', title: '1006 by a refused handshake', explains: 'The server answers 403 instead of 101: the page only ever sees error and 1006.', script: `done(new WebSocket(url('reject?status=403')));` },
  { id: 'lone-surrogate-1007', title: '1007 after lone-surrogate sends', explains: 'The page sends text with a lone surrogate; the browser turns it into U+FFFD and a strict server closes with 1007.', script: `const ws = new WebSocket(url('utf8check')); done(ws); ws.onopen = () => { ws.send('{"name":"ok"}'); ws.send('{"name":"emoji cut in half: \\uD83D"}'); };` },
  { id: 'rate-limit-1008', title: '1008 by a rate limit', explains: 'The page bursts 20 messages; the server allows 5 per second and closes with 1008.', script: `const ws = new WebSocket(url('rate-limit?max=5')); done(ws); ws.onopen = () => { let i = 0; const t = setInterval(() => { if (ws.readyState === 1 && i < 3) ws.send('steady ' + i++); else { clearInterval(t); for (let j = 0; j < 20; j++) ws.send('burst ' + j); } }, 300); };` },
  { id: 'backlog-1008', title: '1008 with frames still queued', explains: 'The page queues 16 MiB at once; the server closes with 1008 after the first message, and the browser drops what it had not sent yet.', script: `const ws = new WebSocket(url('close?code=1008&reason=quota%20exceeded&after=1')); done(ws); ws.onopen = () => { const chunk = 'x'.repeat(1 << 20); for (let i = 0; i < 16; i++) ws.send(chunk); };` },
  { id: 'expired-1008', title: '1008 by an expired token', explains: 'The server closes with 1008 "token expired" when the session ends.', script: `const ws = new WebSocket(url('expire?ms=1500')); done(ws); ws.onopen = () => ws.send('{"auth":"token"}');` },
  { id: 'too-big-1009', title: '1009 Message Too Big', explains: 'The page sends 64 KiB; the server accepts at most 16 KiB.', script: `const ws = new WebSocket(url('size-limit?max=16384')); done(ws); ws.onopen = () => { ws.send('small'); ws.send('x'.repeat(65536)); };` },
  { id: 'internal-1011', title: '1011 Internal Error', explains: 'The server hit an unexpected condition.', script: `done(new WebSocket(url('close?code=1011&reason=unexpected%20condition&delay=200')));` },
  { id: 'restart-1012', title: '1012 Service Restart', explains: 'The server restarts: reconnect after a short delay.', script: `done(new WebSocket(url('close?code=1012&reason=restarting&delay=200')));` },
  { id: 'try-later-1013', title: '1013 Try Again Later', explains: 'The server is overloaded: back off before reconnecting.', script: `done(new WebSocket(url('close?code=1013&reason=overloaded&delay=200')));` },
  { id: 'graphql-4401', title: 'graphql-ws 4401 Unauthorized', explains: 'A graphql-transport-ws client subscribes before the server acknowledged the connection.', script: `const ws = new WebSocket(url('graphql-ws'), 'graphql-transport-ws'); done(ws); ws.onopen = () => { ws.send(JSON.stringify({ type: 'connection_init' })); ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ hello }' } })); };` },
  { id: 'page-close-1008', title: 'The page calls close(1008): it throws', explains: 'Pages may only close with 1000 or 3000–4999; close(1008) throws InvalidAccessError.', script: `const ws = new WebSocket(url('echo')); done(ws); ws.onopen = () => { try { ws.close(1008, 'policy'); } catch (e) { log('close(1008) threw ' + e.name); } ws.close(4008, 'policy'); };` },
];

export function playgroundHtml(wsOrigin: string): string {
  const buttons = DEMO_SCENARIOS.map(
    (s) => `<li><button id="s-${s.id}" data-scenario="${s.id}">${s.title}</button> <span>${s.explains}</span></li>`,
  ).join('\n');
  const scripts = DEMO_SCENARIOS.map((s) => `${JSON.stringify(s.id)}: () => { ${s.script} }`).join(',\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>WebSocket Close Inspector playground</title>
<style>body{font:14px system-ui;margin:24px;max-width:960px}li{margin:6px 0}button{min-width:260px;text-align:left}#log{font:12px monospace;white-space:pre-wrap;background:#f4f4f4;padding:8px}</style>
</head><body>
<h1>WebSocket Close Inspector playground</h1>
<p>Open DevTools → <b>WebSocket Close</b>, then press a button. Each one reproduces a close the panel explains.</p>
<ol>${buttons}</ol>
<div id="log"></div>
<script>
  window.__closed = {};
  const wsOrigin = ${JSON.stringify(wsOrigin)};
  const url = (path) => (window.__lastUrl = wsOrigin + '/ws/' + path);
  const log = (line) => { document.getElementById('log').textContent += line + '\\n'; };
  let current = '';
  const done = (ws) => { const id = current; ws.addEventListener('close', (e) => { window.__closed[id] = e.code; log(id + ': closed ' + e.code + ' ' + e.reason); }); };
  const scenarios = {${scripts}};
  for (const button of document.querySelectorAll('button[data-scenario]')) {
    button.addEventListener('click', () => { current = button.dataset.scenario; scenarios[current](); });
  }
</script></body></html>`;
}

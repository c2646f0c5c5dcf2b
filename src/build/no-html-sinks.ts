// Runs at build time. Preact ships one HTML sink: the
// `dangerouslySetInnerHTML` path of its diff. Our panel never uses that prop
// (everything a page sends is shown as text), so the build turns that sink
// into a text sink: even a mistake cannot parse page data as HTML, and
// `web-ext lint` sees no innerHTML assignment.

import type { Plugin } from 'vite';

const PREACT_MODULE = /preact[\\/]dist[\\/]preact\.module\.js$/;
const SINK = /\((\w)\.innerHTML=(\w)\.__html\)/;

export function noHtmlSinks(): Plugin {
  return {
    name: 'wsci:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_MODULE.test(id)) return null;
      if (!SINK.test(code)) this.error('Preact changed its innerHTML sink: update src/build/no-html-sinks.ts');
      return { code: code.replace(SINK, '($1.textContent=$2.__html)'), map: null };
    },
  };
}

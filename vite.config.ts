import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './src/build/browser-manifest';
import { noHtmlSinks } from './src/build/no-html-sinks';

// `vite build --mode chrome|firefox` writes dist/chrome or dist/firefox.
// The hook and the relay are self-contained IIFEs (TESTING.md: the default
// async loader would run after a page's first inline script).
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    define: {
      __BROWSER__: JSON.stringify(browser),
    },
    build: {
      // WSCI_DIST lets parallel runs build into separate folders.
      outDir: `${process.env.WSCI_DIST ?? 'dist'}/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: { panel: 'src/panel/index.html' },
      },
    },
    plugins: [
      noHtmlSinks(),
      crx({
        manifest: manifestFor(baseManifest, browser) as never,
        browser,
        contentScripts: {
          standaloneFiles: ['src/page/hook.ts', 'src/content/relay.ts'],
        },
      }),
      panelAtRoot(),
    ],
  };
});

/** The panel page is opened by URL (`panel.html?tabId=N`), so give it a short, stable path. */
function panelAtRoot(): Plugin {
  return {
    name: 'wsci:panel-at-root',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['src/panel/index.html'];
      if (page) page.fileName = 'panel.html';
    },
  };
}

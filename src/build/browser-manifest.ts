// Runs at build time in Node (vite.config.ts). Derives each browser's manifest
// from the one Chrome-shaped manifest.json, so there is never a second copy to keep in sync.

export type TargetBrowser = 'chrome' | 'firefox';

/** The add-on id on addons.mozilla.org; also pins the UUID in Firefox tests. */
export const GECKO_ID = 'websocket-close-inspector@wsci.dev';
export const GECKO_MIN_VERSION = '140.0';

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; type?: string; scripts?: string[] };
  content_scripts?: Array<Record<string, unknown>>;
};

export function manifestFor(base: Manifest, browser: TargetBrowser): Manifest {
  const manifest: Manifest = structuredClone(base);
  if (browser === 'chrome') return manifest;

  // Firefox has no extension service workers: the same module runs as an event page.
  const worker = manifest.background?.service_worker;
  if (worker) manifest.background = { scripts: [worker], type: 'module' };
  delete manifest.minimum_chrome_version;
  // Chrome 148+ opts in to structured-clone messaging with this key; Firefox always clones and does not know the key.
  delete manifest.message_serialization;

  // Firefox honours match_origin_as_fallback too (since 128); match_about_blank
  // covers about:blank and srcdoc frames in older builds and reads the same.
  manifest.content_scripts = manifest.content_scripts?.map((script) => ({
    ...script,
    match_about_blank: true,
  }));

  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Nothing leaves the browser: the extension collects no data.
      data_collection_permissions: { required: ['none'] },
    },
    // data_collection_permissions needs Firefox for Android 142.
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest;
}

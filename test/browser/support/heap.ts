// The used JS heap of a Chromium page's V8 isolate after forced garbage
// collection (CDP): for a web page that covers the page's world and the
// extension's isolated world (the relay and its history) alike.

import type { Page } from 'puppeteer-core';

export async function usedHeapMiB(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  // Twice: the first collection can leave garbage that only a second one frees (weak references).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

// A tab on the bench server with `window.__bench` installed.

import type { Browser, Page } from 'puppeteer-core';
import { BENCH_PAGE_SCRIPT } from './page-scripts';

export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(BENCH_PAGE_SCRIPT);
  return page;
}

/** Calls `window.__bench[fn](...args)` in the page and returns its result. */
export function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  const list = args.map((a) => JSON.stringify(a)).join(', ');
  return page.evaluate(`window.__bench.${fn}(${list})`) as Promise<T>;
}

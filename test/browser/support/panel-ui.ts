// Drives the panel's UI as a person would: select a connection, open its
// close card, and read the ranked causes and their evidence.

import type { Frame, Page } from 'puppeteer-core';

type Surface = Page | Frame;

export interface ShownCause {
  id: string;
  text: string;
  evidence: string[];
}

/** Clicks the connection row whose full URL is `url` and opens its close card. */
export async function openCloseCard(panel: Surface, url: string): Promise<void> {
  const row = await panel.waitForSelector(`[data-testid="connection-row"][title="${url}"], [data-testid="connection-row"] [title="${url}"]`, {
    timeout: 20_000,
  });
  await row!.click();
  const tab = await panel.waitForSelector('[data-testid="tab-close"]');
  await tab!.click();
  await panel.waitForSelector('[data-testid="close-card"]');
}

export async function shownCauses(panel: Surface): Promise<ShownCause[]> {
  await panel.waitForSelector('[data-testid="close-card"] [data-testid="cause"]', { timeout: 20_000 });
  return panel.$$eval('[data-testid="close-card"] [data-testid="cause"]', (nodes) =>
    nodes.map((node) => ({
      id: node.getAttribute('data-cause-id') ?? '',
      text: node.textContent ?? '',
      evidence: [...node.querySelectorAll('[data-testid="evidence"]')].map((e) => e.textContent ?? ''),
    })),
  );
}

export async function cardText(panel: Surface, testId: string): Promise<string> {
  const node = await panel.waitForSelector(`[data-testid="close-card"] [data-testid="${testId}"]`);
  return node!.evaluate((el) => el.textContent ?? '');
}

// The usual setup of a real-browser test file: a scenario server and one
// browser with the extension, started before the tests and closed after.

import { afterAll, beforeAll } from 'vitest';
import { startScenarioServer, type ScenarioServer } from '../../server/scenario-server';
import { launch, type BrowserName, type LaunchedBrowser, type LaunchOptions } from './browsers';

export interface BrowserFixture {
  server: ScenarioServer;
  launched: LaunchedBrowser;
}

/** Call inside a describe: the fields are set once its beforeAll has run. */
export function useBrowserWithServer(name: BrowserName, options: LaunchOptions = {}): BrowserFixture {
  const fixture = {} as BrowserFixture;
  beforeAll(async () => {
    fixture.server = await startScenarioServer();
    fixture.launched = await launch(name, options);
  });
  afterAll(async () => {
    await fixture.launched?.close();
    await fixture.server?.close();
  });
  return fixture;
}

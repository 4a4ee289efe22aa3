// The browser of the repository's browser tests (scripts/chromium.ts launches it). A launch that fails
// (no Chromium installed) fails every test of the suite with the install command, instead of
// skipping them.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchHeadlessChromium } from "../chromium.ts";

/** The browser and page of a suite, available from its first test on. */
export interface BrowserSuite {
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Registers the suite's hooks: `before` runs first (start a server…), then the browser and a page
 * of `viewport` are opened; `after` runs once the browser is closed.
 */
export function headlessChromiumSuite(options: { viewport: { width: number; height: number }; before?: () => Promise<void>; after?: () => Promise<void> }): BrowserSuite {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let launchError: Error | undefined;
  beforeAll(async () => {
    try {
      await options.before?.();
      browser = await launchHeadlessChromium();
      page = await browser.newPage({ viewport: options.viewport });
    } catch (error) {
      launchError = error instanceof Error ? error : new Error(String(error));
    }
  }, 60_000);
  beforeEach(() => {
    if (launchError) throw launchError;
  });
  afterAll(async () => {
    await browser?.close();
    await options.after?.();
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw launchError ?? new Error("the browser is not launched yet");
      return browser;
    },
    get page(): Page {
      if (page === undefined) throw launchError ?? new Error("the browser is not launched yet");
      return page;
    },
  };
}

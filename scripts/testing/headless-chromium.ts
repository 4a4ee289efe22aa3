// One way for the repository's browser tests to get a real browser: Debian's Chromium
// (/usr/bin/chromium) driven by playwright-core, never a downloaded one. A launch that fails
// (no Chromium installed) fails every test of the suite with the install command, instead of
// skipping them.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";

/** Launches headless Chromium with everything that could reach the network turned off. */
export async function launchHeadlessChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: this test needs Debian's Chromium. Install it with: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

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

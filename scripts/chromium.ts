// The one way the repository starts a real browser (tests, benchmarks, doc pictures): Debian's
// Chromium (/usr/bin/chromium) driven by playwright-core, never a downloaded one, with everything
// that could reach the network turned off (this machine's closed network refuses it, noisily).
// No test-runner imports here, so scripts outside vitest can use it too.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Launches headless Chromium; a clear error with the install command when it is missing. */
export async function launchHeadlessChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: this needs Debian's Chromium. Install it with: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

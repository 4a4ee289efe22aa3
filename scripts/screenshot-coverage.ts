// Takes the picture in docs/testing.md: a page of the workflow coverage HTML report, in headless
// Debian Chromium. Usage: node --import tsx scripts/screenshot-coverage.ts <page.html> <out.png>
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchHeadlessChromium } from "./chromium.ts";

const [page, out] = process.argv.slice(2);
if (page === undefined || out === undefined) {
  process.stderr.write("usage: screenshot-coverage.ts <page.html> <out.png>\n");
  process.exit(2);
}
const browser = await launchHeadlessChromium();
try {
  const tab = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(resolve(page)).href);
  await tab.screenshot({ path: out, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}

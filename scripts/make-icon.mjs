// Draws the app icon, assets/icon.png (512×512): a white 编 in official red, with a red-headed
// document's two rules, as on the masthead. Rendered once by Chromium (playwright-core) with the
// Noto Serif CJK font; the PNG is committed, so packaging needs neither the font nor a browser.
// Run: node scripts/make-icon.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.join(import.meta.dirname, '..');
const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect x="16" y="16" width="480" height="480" rx="96" fill="#D6001C"/>
  <rect x="40" y="40" width="432" height="432" rx="76" fill="none" stroke="#FFFFFF" stroke-opacity="0.35" stroke-width="6"/>
  <text x="256" y="318" text-anchor="middle" font-family="Noto Serif CJK SC" font-weight="700" font-size="300" fill="#FFFFFF">编</text>
  <rect x="96" y="372" width="320" height="14" rx="4" fill="#FFFFFF"/>
  <rect x="96" y="404" width="320" height="5" rx="2" fill="#FFFFFF"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(root, 'assets', 'icon.png'), omitBackground: true });
  console.log('wrote assets/icon.png');
} finally {
  await browser.close();
}

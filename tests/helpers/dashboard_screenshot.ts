import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser';

/**
 * A whole-page screenshot taken by growing the viewport to the page's height, instead of
 * Playwright's `fullPage`, whose capture resize made EUI switch to its mobile layout (collapsed
 * header links, card tables) for the shot. Waits for every chart to finish drawing at the new
 * size, then restores the viewport.
 */
export async function screenshotDashboard(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1400, height: 1000 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-ech-render-complete]')].every(
        (status) => status.getAttribute('data-ech-render-complete') === 'true',
      ),
    undefined,
    { timeout: 30_000 },
  );
  // Charts redraw on the resize observer's next frame.
  await page.waitForTimeout(300);
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

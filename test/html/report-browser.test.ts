// The HTML report in a real browser (Debian's chromium, headless), opened from file:// as an
// auditor would: it shows the host, its filters hide rows, nothing reaches the network, nothing
// logs an error, and a container named like a script tag is text. The screenshot of the top of the
// page is kept in __screenshots__ so its layout can be checked by eye; it is compared loosely.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipBrowser } from './browser.js';
import { HOSTILE_NAME, fixtureReport } from './fixture-report.js';
import { layoutDifference, pngSize } from './screenshot-compare.js';

const STORED = fileURLToPath(new URL('./__screenshots__/report.png', import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };
/**
 * Share of shrunk cells allowed to change colour. Measured on the fixture: every text in a serif
 * font moves 1%; the bars hidden 6%, the header in one column 16%, a monospace font (other widths,
 * other line breaks) 18%.
 */
const MAX_LAYOUT_DIFFERENCE = 0.05;

describe.skipIf(skipBrowser)('HTML report in chromium', () => {
  let browser: Browser;
  let dir: string;
  let url: string;
  const { report, html } = fixtureReport();

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'dh-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, html);
    url = pathToFileURL(file).href;
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the report, recording every request, console error, page error and dialog. */
  async function open(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  it('shows the host, the engine and the profile, asks for nothing but the file, and logs no error', async () => {
    const { page, requests, errors } = await open();
    expect(await page.title()).toBe('CIS Docker audit of deb12');
    expect(await page.locator('#host').textContent()).toBe('deb12');
    const meta = (label: string) =>
      page
        .locator('.meta div', { has: page.locator('dt', { hasText: label }) })
        .locator('dd')
        .textContent();
    expect(await meta('Engine')).toBe('Docker 20.10.24+dfsg1, API 1.41');
    expect(await meta('Profile')).toBe('baseline');
    expect(await page.locator('.scores tbody tr').count()).toBe(Object.keys(report.summary.bySection).length);
    expect(await page.locator('.scores svg.bar rect.seg-fail').count()).toBeGreaterThan(0);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a container named like a script tag as text, and runs only its own script', async () => {
    const { page, errors } = await open();
    const targets = await page.locator('.finding .target').allTextContents();
    expect(targets).toContain(HOSTILE_NAME);
    expect(await page.locator('.waivers td', { hasText: HOSTILE_NAME }).count()).toBe(1);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides rows with a click on a filter, and shows them again', async () => {
    const { page, errors } = await open();
    const visible = (selector: string) => page.locator(`${selector}:visible`).count();
    // The chips are labels over hidden radio buttons: click them as a person would.
    const choose = (name: string, value: string) => page.locator('label', { has: page.locator(`input[name="${name}"][value="${value}"]`) }).click();
    const fails = report.summary.byStatus.fail;
    const total = report.findings.length;
    expect(await visible('.finding[data-status="pass"]')).toBe(report.summary.byStatus.pass);

    await choose('status', 'fail');
    expect(await visible('.finding[data-status="pass"]')).toBe(0);
    expect(await visible('.finding')).toBe(fails);
    expect(await page.locator('#shown').textContent()).toBe(`${fails} of ${total} results shown: status fail`);

    await choose('severity', 'high');
    const highOrWorse = report.findings.filter((f) => f.status === 'fail' && (f.severity === 'high' || f.severity === 'critical')).length;
    expect(await visible('.finding')).toBe(highOrWorse);
    expect(await visible('.finding[data-severity="medium"]')).toBe(0);

    // A section with nothing left to show disappears with its heading.
    await page.locator('[data-section-link="6"]').click();
    expect(await visible('section.section')).toBe(0);
    expect(await page.locator('#none-shown').isVisible()).toBe(true);

    for (const name of ['status', 'severity', 'section']) await choose(name, 'all');
    await page.getByPlaceholder('id, container, evidence').fill('alert(1)');
    // Its own results, and any other result whose evidence names it; never another container's.
    expect(await visible('.finding')).toBeGreaterThanOrEqual(report.findings.filter((f) => f.subject?.container === HOSTILE_NAME).length);
    expect(new Set(await page.locator('.finding:visible .target').allTextContents())).toEqual(new Set([HOSTILE_NAME]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('looks like the stored screenshot (loosely)', async () => {
    const { page } = await open();
    const shot = await page.screenshot({ fullPage: false });
    await page.close();
    expect(pngSize(shot)).toEqual(VIEWPORT);
    if (!existsSync(STORED) || process.env.UPDATE_SCREENSHOTS) {
      writeFileSync(STORED, shot);
      return;
    }
    const stored = readFileSync(STORED);
    expect(pngSize(stored)).toEqual(VIEWPORT);
    const difference = await layoutDifference(browser, shot, stored);
    if (difference > MAX_LAYOUT_DIFFERENCE) {
      const actual = path.join(tmpdir(), 'docker-harden-report.actual.png');
      writeFileSync(actual, shot);
      expect.fail(
        `The report's layout moved: ${(difference * 100).toFixed(1)}% of it differs from ${STORED} (new screenshot: ${actual}; UPDATE_SCREENSHOTS=1 stores it).`,
      );
    }
  });
});

describe.runIf(skipBrowser)('HTML report in chromium (skipped)', () => {
  it.skip('needs chromium: apt-get install chromium, or set CHROMIUM_PATH', () => {});
});

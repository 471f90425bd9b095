// Debian's chromium, driven by playwright-core (no browser download). CI installs it (.ci/run), so
// there a missing browser fails the run; on a developer's machine without it the browser tests skip.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// CHROMIUM_PATH, when set, is the only place looked at.
const CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath: string | undefined = CANDIDATES.find((p) => existsSync(p));

/** True when the browser tests may skip: no browser here, and not in CI (.ci/run sets DOCKER_HARDEN_REQUIRE_ENGINE). */
export const skipBrowser = !chromiumPath && !process.env.CI && !process.env.DOCKER_HARDEN_REQUIRE_ENGINE;

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) {
    throw new Error(`No chromium at ${CANDIDATES.join(' or ')}: the HTML report's browser tests need it (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
  // --no-sandbox: the tests run as root in CI, where chromium refuses its sandbox.
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
}

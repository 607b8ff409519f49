import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

// Without these, Chromium keeps calling home and the closed network here refuses it.
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * The browser for end-to-end tests: CHROMIUM_PATH if set, Playwright's own
 * Chromium if installed, else a system Chromium. `undefined` means Playwright's own.
 */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own here.
  }
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return system;
  throw new Error(
    "No Chromium for the end-to-end tests. Install one: `npx playwright install chromium`, " +
      "or on Debian/Ubuntu `apt-get install chromium`, or set CHROMIUM_PATH to a Chrome/Chromium binary.",
  );
}

/**
 * Shared set-up and helpers for the browser tests: real Chromium (/usr/bin/chromium via
 * playwright-core) against the built SPA served by the server in demo mode (./server), and
 * axe-core against WCAG 2.1 A/AA on every page a test visits.
 *
 * Set E2E_BASE_URL to run against a server that is already running (demo mode, fresh data) instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const PASSWORD = 'weerbaar-demo';
export const CISO = 'ciso@zuidhaven.example';
export const ADMIN = 'admin@weerbaar.example';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const state: { baseUrl: string; browser: Browser | null; stop?: () => Promise<void> } = { baseUrl: '', browser: null };

/** Starts the demo server (or uses E2E_BASE_URL) and Chromium before the file's tests, and stops both after. */
export function useBrowserAndServer(): void {
  beforeAll(async () => {
    if (process.env.E2E_BASE_URL) {
      state.baseUrl = process.env.E2E_BASE_URL.replace(/\/$/, '');
    } else {
      const { startServer } = await import('./server');
      const server = await startServer();
      state.baseUrl = server.url.replace(/\/$/, '');
      state.stop = server.stop;
    }
    state.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await state.browser?.close();
    await state.stop?.();
  });
}

/** The server's origin, e.g. http://127.0.0.1:41234 (set once useBrowserAndServer's beforeAll has run). */
export const baseUrl = () => state.baseUrl;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string; html: string }>;
}

/**
 * Runs axe-core in the page. The source is evaluated through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy does not block, unlike a <script> tag.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await settle(page);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, WCAG_TAGS);
  if (violations.length > 0) {
    console.error(`axe violations on "${name}" (${page.url()}):\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations, `axe violations on ${name}`).toEqual([]);
}

/** Waits until the SPA has no loading indicators left and fonts/layout are stable. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(() => document.querySelectorAll('.wb-loading, [aria-busy="true"]').length === 0, null, {
    timeout: 15_000,
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  if (!state.browser) throw new Error('useBrowserAndServer() must run first');
  const context = await state.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { context, page };
}

export async function fillCredentials(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await expectHeading(page, 'Inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 15_000 });
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Afmelden', exact: true }).click();
  await page.waitForURL(/\/login/);
  await expectHeading(page, 'Inloggen');
}

/** Clicks a link in the main navigation and waits for the page heading. */
export async function openFromNav(page: Page, link: string | RegExp, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: link }).click();
  await expectHeading(page, heading);
}

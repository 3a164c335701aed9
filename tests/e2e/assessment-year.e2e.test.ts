/**
 * Browser test for the ENSIA year cycle: a CISO opens a new verantwoordingsjaar as a copy of the last
 * one, fills in ten requirements with the keyboard only (result via the native select, explanation
 * typed, Tab to move on), sees them saved and still there after a reload, tries "niet van toepassing"
 * without a reason (the API's problem shows in the row), bulk-edits two rows after a confirmation,
 * and uploads a piece of evidence on a requirement's page. Then a bestuurder signs the year and views
 * the diff against the previous year with the ten improvements. axe-core on every page visited.
 *
 * Set-up through the API: the installation admin creates a test gemeente and adds the demo CISO and
 * burgemeester of Zuidhaven as its ciso and bestuurder; the CISO opens the previous year (Cbw/NIS2) and
 * records its results, so the test does not depend on the demo's own years.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, baseUrl, CISO, expectAccessible, expectHeading, fillCredentials, logout, newPage, openFromNav, settle, useBrowserAndServer } from './support';

useBrowserAndServer();

const BESTUURDER = 'burgemeester@zuidhaven.example';
const FRAMEWORK = 'weerbaar:cbw-nis2';
const PREVIOUS = 2025;
const CURRENT = 2026;

interface Assessment {
  requirementId: string;
  ref: string;
  title: string;
  applicable: boolean;
  result: string;
  explanation: string;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
}

/** A call on the API with the page's session (HttpOnly cookie) and its CSRF token (from GET /me). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/v1/me', { headers: { accept: 'application/json' } }).then((response) => response.json());
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

async function apiOk<T>(page: Page, method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const response = await api<T>(page, method, path, body);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

/** Logs in (the demo password) and waits for the organisation page; patient, for a busy machine. */
async function login(page: Page, email: string): Promise<void> {
  await fillCredentials(page, email);
  await page.waitForURL(/\/o\/[^/]+$/);
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element with this id has focus (at most `max` times). */
async function tabTo(page: Page, id: string, max = 6): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await activeId(page)) === id) return;
  }
  throw new Error(`Tab did not reach #${id}; focus is on #${await activeId(page)}`);
}

const rowId = (item: Assessment) => `row-${item.requirementId}`;

describe('assessment year', () => {
  it('CISO fills in ten requirements with the keyboard, the bestuurder signs, the diff shows the improvements', { timeout: 300_000 }, async () => {
    const slug = `jaartest-${Date.now().toString(36)}`;
    const yearsUrl = () => `${baseUrl()}/o/${slug}/compliance/years`;

    // Set-up: a test gemeente with a CISO and a bestuurder (existing demo accounts, added through the API).
    const admin = await newPage();
    try {
      await login(admin.page, ADMIN);
      await apiOk(admin.page, 'POST', '/organisations', { slug, name: 'Gemeente Jaartest', kind: 'gemeente' }, 201);
      await apiOk(admin.page, 'POST', `/organisations/${slug}/members`, { email: CISO, roles: ['ciso'] }, 201);
      await apiOk(admin.page, 'POST', `/organisations/${slug}/members`, { email: BESTUURDER, roles: ['bestuurder'] }, 201);
    } finally {
      await admin.context.close();
    }

    const { context, page } = await newPage();
    let filled: Assessment[] = [];
    let n = 0;
    try {
      await login(page, CISO);

      // The previous year: five requirements "voldoet niet", five "voldoet deels", the rest "voldoet".
      await apiOk(page, 'POST', `/organisations/${slug}/assessment-years`, { year: PREVIOUS, frameworks: [FRAMEWORK] }, 201);
      const previous = (await apiOk<{ items: Assessment[] }>(page, 'GET', `/organisations/${slug}/assessment-years/${PREVIOUS}/assessments?limit=500`)).items;
      expect(previous.length).toBeGreaterThanOrEqual(13);
      const groups: Array<[string, Assessment[]]> = [
        ['voldoet_niet', previous.slice(0, 5)],
        ['voldoet_deels', previous.slice(5, 10)],
        ['voldoet', previous.slice(10)],
      ];
      for (const [result, items] of groups) {
        await apiOk(page, 'POST', `/organisations/${slug}/assessment-years/${PREVIOUS}/assessments/bulk`, {
          requirementIds: items.map((item) => item.requirementId),
          changes: { result, explanation: 'Stand vorig jaar.' },
        });
      }

      // Years list, through the navigation.
      await page.goto(`${baseUrl()}/o/${slug}`);
      await expectHeading(page, /Gemeente Jaartest/);
      await openFromNav(page, 'Verantwoordingsjaren', /^Verantwoordingsjaren/);
      const main = page.getByRole('main');
      await main.getByRole('link', { name: `Verantwoordingsjaar ${PREVIOUS}` }).waitFor();
      n = previous.length;
      await main.getByText(new RegExp(`^${n} van ${n} beoordeeld, ${n - 10} voldoen \\(\\d+%\\)$`)).waitFor();
      await expectAccessible(page, 'years list');

      // New year: prefilled with the next year, a copy of the last one, its frameworks ticked.
      await main.getByRole('link', { name: 'Nieuw verantwoordingsjaar' }).click();
      await expectHeading(page, /^Nieuw verantwoordingsjaar/);
      expect(await page.getByLabel('Jaar', { exact: true }).inputValue()).toBe(String(CURRENT));
      expect(await page.getByLabel('Kopiëren van').inputValue()).toBe(String(PREVIOUS));
      expect(await page.getByRole('checkbox', { name: /^Cbw\/NIS2/ }).isChecked()).toBe(true);
      await expectAccessible(page, 'new year form');
      await page.getByRole('button', { name: 'Jaar openen' }).click();
      await page.waitForURL(new RegExp(`/compliance/years/${CURRENT}$`));
      await expectHeading(page, new RegExp(`^Verantwoordingsjaar ${CURRENT}`));
      await main.getByText(`Verantwoordingsjaar ${CURRENT} is geopend.`).waitFor();

      const current = (await apiOk<{ items: Assessment[] }>(page, 'GET', `/organisations/${slug}/assessment-years/${CURRENT}/assessments?limit=500`)).items;
      expect(current.map((item) => item.result)).toEqual(previous.map((_, index) => (index < 5 ? 'voldoet_niet' : index < 10 ? 'voldoet_deels' : 'voldoet')));
      filled = current.slice(0, 10);

      // The year page: phase, progress per framework and chapter, the table.
      await page.getByRole('heading', { level: 2, name: 'Voortgang' }).waitFor();
      await main.getByText(`${n} van ${n} eisen van toepassing beoordeeld (100%); voldoet: ${n - 10} (${Math.round(((n - 10) / n) * 100)}%).`).waitFor();
      await page.getByRole('table', { name: 'Voortgang per hoofdstuk van Cbw/NIS2' }).waitFor();
      await page.locator(`#${rowId(filled[0])}-result`).waitFor();
      await expectAccessible(page, 'year table');

      // Filters live in the URL: only "voldoet niet", then back to everything.
      await page.getByLabel('Resultaat', { exact: true }).selectOption('voldoet_niet');
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await page.waitForURL(/[?&]result=voldoet_niet/);
      await main.getByText('Eisen 1–5 van 5.').waitFor();
      await page.reload();
      await main.getByText('Eisen 1–5 van 5.').waitFor();
      expect(await page.getByLabel('Resultaat', { exact: true }).inputValue()).toBe('voldoet_niet');
      await expectAccessible(page, 'year table (filtered)');
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await main.getByText(`Eisen 1–${current.length} van ${current.length}.`).waitFor();

      // Ten requirements with the keyboard only: Home picks "Voldoet", Tab to the explanation, type, Tab on.
      await page.locator(`#${rowId(filled[0])}-result`).focus();
      for (const [index, item] of filled.entries()) {
        expect(await activeId(page)).toBe(`${rowId(item)}-result`);
        await page.keyboard.press('Home');
        await page.keyboard.press('Tab');
        expect(await activeId(page)).toBe(`${rowId(item)}-text`);
        await page.keyboard.type(`Aangetoond met beleid en steekproef (${item.ref}).`);
        const next = filled[index + 1] ?? current[10];
        await tabTo(page, `${rowId(next)}-result`);
      }
      for (const item of filled) {
        await page.locator(`#${rowId(item)}`).getByText('Opgeslagen', { exact: true }).waitFor();
      }
      await expect.poll(() => page.locator('#assessments-live').textContent()).toMatch(/^Opgeslagen: /);
      await expectAccessible(page, 'year table (saved)');

      // "Niet van toepassing" without a reason: the API's problem shows in the row; a reason fixes it.
      const eleventh = current[10];
      await page.keyboard.press('End');
      const eleventhRow = page.locator(`#${rowId(eleventh)}`);
      await eleventhRow.getByText('Geef een reden waarom deze eis niet van toepassing is.').waitFor();
      expect(await page.locator(`#${rowId(eleventh)}-result`).getAttribute('aria-invalid')).toBe('true');
      await page.keyboard.press('Tab');
      expect(await activeId(page)).toBe(`${rowId(eleventh)}-text`);
      expect(await page.getByLabel(`Reden niet van toepassing ${eleventh.ref}`, { exact: true }).count()).toBe(1);
      await page.keyboard.type('Geen essentiële dienst binnen deze gemeente.');
      await page.keyboard.press('Tab');
      await eleventhRow.getByText('Opgeslagen', { exact: true }).waitFor();
      await expectAccessible(page, 'year table (not applicable)');
      // And back to "voldoet", so it does not count as a slip.
      await page.locator(`#${rowId(eleventh)}-result`).focus();
      await page.keyboard.press('Home');
      await eleventhRow.getByText('Opgeslagen', { exact: true }).waitFor();
      await expect.poll(async () => (await apiOk<Assessment>(page, 'GET', `/organisations/${slug}/assessment-years/${CURRENT}/assessments/${eleventh.requirementId}`)).applicable).toBe(true);

      // Reload: the ten are saved.
      await page.reload();
      await page.locator(`#${rowId(filled[0])}-result`).waitFor();
      for (const item of filled) {
        expect(await page.locator(`#${rowId(item)}-result`).inputValue()).toBe('voldoet');
        expect(await page.locator(`#${rowId(item)}-text`).inputValue()).toBe(`Aangetoond met beleid en steekproef (${item.ref}).`);
      }
      await main.getByText(`${n} van ${n} eisen van toepassing beoordeeld (100%); voldoet: ${n} (100%).`).waitFor();

      // Bulk edit: two rows selected with the keyboard, a due date, confirmed.
      const [twelfth, thirteenth] = [current[11], current[12]];
      for (const item of [twelfth, thirteenth]) {
        await page.locator(`#${rowId(item)}-select`).focus();
        await page.keyboard.press('Space');
      }
      await main.getByText('2 eisen geselecteerd.').waitFor();
      await page.getByLabel('Nieuwe deadline', { exact: true }).fill(`${CURRENT}-12-31`);
      await page.getByRole('button', { name: 'Wijzigen…' }).click();
      await page.getByText('2 eisen wijzigen?').waitFor();
      await expectAccessible(page, 'year table (bulk confirmation)');
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await main.getByText('2 eisen gewijzigd.').waitFor();
      for (const item of [twelfth, thirteenth]) {
        await page.locator(`#${rowId(item)} time[datetime="${CURRENT}-12-31"]`).waitFor();
      }

      // Paging and the chapter filter, on the demo's own 2026 year of Zuidhaven (several frameworks, more than one page).
      await page.goto(`${baseUrl()}/o/zuidhaven/compliance/years/${CURRENT}`);
      await expectHeading(page, new RegExp(`^Verantwoordingsjaar ${CURRENT}`));
      const demoTotal = (await apiOk<{ total: number }>(page, 'GET', `/organisations/zuidhaven/assessment-years/${CURRENT}/assessments?limit=1`)).total;
      expect(demoTotal).toBeGreaterThan(50);
      await main.getByText(`Eisen 1–50 van ${demoTotal}.`).waitFor();
      await page.getByRole('navigation', { name: "Pagina's" }).getByRole('link', { name: 'Volgende pagina' }).click();
      await page.waitForURL(/[?&]cursor=50/);
      await main.getByText(`Eisen 51–${Math.min(100, demoTotal)} van ${demoTotal}.`).waitFor();
      await page.getByRole('navigation', { name: "Pagina's" }).getByText(`Pagina 2 van ${Math.ceil(demoTotal / 50)}`).waitFor();
      await page.getByLabel('Hoofdstuk', { exact: true }).selectOption({ label: 'BIO2 5 Organisatorisch' });
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('framework') === 'weerbaar:bio2' && url.searchParams.get('chapter') === '5' && !url.searchParams.has('cursor'));
      const chapterTotal = (await apiOk<{ total: number }>(page, 'GET', `/organisations/zuidhaven/assessment-years/${CURRENT}/assessments?limit=1&framework=weerbaar:bio2&chapter=5`)).total;
      await main.getByText(`Eisen 1–${Math.min(50, chapterTotal)} van ${chapterTotal}.`).waitFor();
      expect(await page.getByLabel('Raamwerk', { exact: true }).inputValue()).toBe('weerbaar:bio2');
      await expectAccessible(page, 'year table (demo, filtered by chapter)');

      // One requirement's page: every field, the measures, and evidence uploaded for it.
      await page.goto(`${yearsUrl()}/${CURRENT}`);
      await page.locator(`#${rowId(filled[0])}-result`).waitFor();
      await page.locator(`#${rowId(filled[0])}`).getByRole('link', { name: filled[0].ref }).click();
      await expectHeading(page, new RegExp(`^Cbw/NIS2 ${filled[0].ref.replace(/\./g, '\\.')}`));
      await page.getByLabel('Toelichting', { exact: true }).waitFor();
      expect(await page.getByLabel('Toelichting', { exact: true }).inputValue()).toBe(`Aangetoond met beleid en steekproef (${filled[0].ref}).`);
      await page.getByRole('heading', { level: 2, name: 'Maatregelen' }).waitFor();
      await page.getByRole('heading', { name: 'Bewijs' }).waitFor();
      await expectAccessible(page, 'requirement assessment');
      await page.getByText('Bestand uploaden', { exact: true }).click();
      await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'beleid-zorgplicht.txt', mimeType: 'text/plain', buffer: Buffer.from('Vastgesteld beleid zorgplicht.\n') });
      await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
      await page.getByText('‘beleid-zorgplicht.txt’ is geüpload en gekoppeld.').first().waitFor();
      const evidence = await apiOk<{ items: Array<{ fileName: string; sha256: string }> }>(
        page,
        'GET',
        `/organisations/${slug}/assessment-years/${CURRENT}/assessments/${filled[0].requirementId}/evidence`,
      );
      expect(evidence.items.map((item) => item.fileName)).toEqual(['beleid-zorgplicht.txt']);
      await expectAccessible(page, 'requirement assessment (evidence uploaded)');

      await logout(page);
    } finally {
      await context.close();
    }

    // The bestuurder signs the year and looks at what improved.
    const board = await newPage();
    try {
      const page = board.page;
      await login(page, BESTUURDER);
      await page.goto(yearsUrl());
      await expectHeading(page, /^Verantwoordingsjaren/);
      const main = page.getByRole('main');
      await main.getByRole('link', { name: `Verantwoordingsjaar ${CURRENT}` }).click();
      await expectHeading(page, new RegExp(`^Verantwoordingsjaar ${CURRENT}`));
      // No assessments.decide: the result is shown, not editable.
      await page.getByRole('table', { name: /^Voortgang per hoofdstuk/ }).waitFor();
      expect(await page.locator(`#${rowId(filled[0])}-result`).count()).toBe(0);
      await main.getByRole('link', { name: 'Collegeverklaring ondertekenen' }).click();
      await expectHeading(page, new RegExp(`^Collegeverklaring ${CURRENT}`));
      expect(await page.getByLabel('Naam van de ondertekenaar').inputValue()).toBe('Burgemeester Zuidhaven');
      expect(await page.getByLabel('Tekst van de verklaring').inputValue()).toContain('Gemeente Jaartest');
      await page.getByRole('table', { name: `Wat wordt ondertekend: de eisen van ${CURRENT} per resultaat` }).waitFor();
      await expectAccessible(page, 'signing page');

      // Without a function the form says so; then the confirmation step.
      await page.getByRole('button', { name: 'Verder naar bevestigen' }).click();
      await page.getByText('Vul de functie in (minstens 2 tekens).').waitFor();
      await page.getByLabel('Functie', { exact: true }).fill('burgemeester, namens het college');
      await page.getByRole('button', { name: 'Verder naar bevestigen' }).click();
      await page.getByRole('heading', { level: 2, name: 'Bevestigen en ondertekenen' }).waitFor();
      expect(await activeId(page)).toBe('sign-confirm-heading');
      await expectAccessible(page, 'signing page (confirm)');
      await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
      await main.getByText(`Verantwoordingsjaar ${CURRENT} is ondertekend en bevroren.`).waitFor();
      await main.getByText('burgemeester, namens het college').waitFor();
      await main.getByText(/^[0-9a-f]{64}$/).waitFor();
      const signed = await apiOk<{ phase: string; signed: { by: string; snapshotHash: string } }>(page, 'GET', `/organisations/${slug}/assessment-years/${CURRENT}`);
      expect(signed.phase).toBe('collegeverklaring');
      expect(signed.signed.by).toBe('Burgemeester Zuidhaven');
      await main.getByText(signed.signed.snapshotHash, { exact: true }).waitFor();
      await expectAccessible(page, 'signing page (signed)');

      // The diff against the previous year: the ten improvements, nothing slipped.
      await main.getByRole('link', { name: `Vergelijken met ${PREVIOUS}` }).click();
      await expectHeading(page, new RegExp(`^Verschillen ${CURRENT}`));
      await page.getByRole('heading', { level: 2, name: 'Verbeterd (10 eisen)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Teruggelopen (0 eisen)' }).waitFor();
      await main.getByText(`Ten opzichte van ${PREVIOUS}: 10 verbeterd, 0 teruggelopen, 0 anders gewijzigd, ${n - 10} gelijk gebleven.`).waitFor();
      const improved = page.getByRole('table', { name: 'Verbeterd (10 eisen)' });
      for (const [index, item] of filled.entries()) {
        const row = improved.locator('tr', { has: page.getByRole('rowheader', { name: `Cbw/NIS2 ${item.ref}`, exact: true }) });
        await row.getByText(item.title, { exact: true }).waitFor({ state: 'attached' });
        await row.getByText(index < 5 ? 'Voldoet niet' : 'Voldoet deels', { exact: true }).waitFor({ state: 'attached' });
      }
      expect(await improved.getByRole('row').count()).toBe(11);
      await settle(page);
      await expectAccessible(page, 'diff');

      // The signed year is read-only for everyone, with a clear notice.
      await page.goto(`${yearsUrl()}/${CURRENT}`);
      await expectHeading(page, new RegExp(`^Verantwoordingsjaar ${CURRENT}`));
      await main.getByText('Dit jaar is ondertekend en daarom alleen te lezen.').waitFor();
      await expectAccessible(page, 'year table (signed)');
      // What was signed can be downloaded: the Verklaring van Toepasselijkheid as PDF, the full export as XLSX.
      const pdfLink = main.getByRole('link', { name: /^PDF Verklaring van toepasselijkheid/ }).first();
      const pdf = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, page.url()).href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      const full = await page.request.get(new URL((await main.getByRole('link', { name: 'Volledige beoordeling (XLSX)' }).getAttribute('href'))!, page.url()).href);
      expect(full.status()).toBe(200);
      expect((await full.body()).subarray(0, 2).toString()).toBe('PK');
      await logout(page);
    } finally {
      await board.context.close();
    }

    // The CISO now sees no editable field in the signed year; the API refuses a change (409).
    const after = await newPage();
    try {
      await login(after.page, CISO);
      await after.page.goto(`${yearsUrl()}/${CURRENT}`);
      await after.page.getByText('Dit jaar is ondertekend en daarom alleen te lezen.').waitFor();
      expect(await after.page.locator('select[id^="row-"], input[id^="row-"]').count()).toBe(0);
      const refused = await api(after.page, 'PATCH', `/organisations/${slug}/assessment-years/${CURRENT}/assessments/${filled[0].requirementId}`, { explanation: 'te laat' });
      expect(refused.status).toBe(409);
    } finally {
      await after.context.close();
    }
  });
});

/**
 * Browser tests for evidence and what follows from it, each page checked with axe-core (WCAG 2.1 A/AA):
 * - a CISO uploads a file as evidence on a measure (the progress bar reaches 100 %, the file is listed
 *   with its SHA-256, the download returns the same bytes; a file over the limit and an empty one are
 *   refused with the server's problem), adds a link whose validity ends within 30 days and changes its
 *   validity; a failing automatic signal turns the measure red (measure page, list with evidence count,
 *   "Aandacht nodig") and puts a notice in the inbox, which the CISO marks read; the expiring link is
 *   under "Aandacht nodig" (with the demo incident's notification deadline); a new overdue action gets its status changed in the table and shows up with
 *   the overdue filter and on the attention list; the evidence overview filters on status; existing
 *   evidence is linked to a second measure and unlinked again;
 * - an installation admin previews a broken CISO Assistant file (problems with their line), then imports
 *   a good one; a CISO previews the official BIO2 texts (problem with sheet and cell), then imports them;
 * - an auditor records a finding in the year in the audit phase; the CISO finds the resulting action,
 *   whose source links back to the year's findings.
 *
 * The inbox notice comes from the signal path (a measure turning red notifies the admins and CISOs):
 * the test server (./server) gives no handle on the job queue, so the daily reminder job cannot be run
 * from here; its notices are covered by the integration tests.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, CISO, expectAccessible, expectHeading, fillCredentials, logout, newPage, openFromNav, settle, useBrowserAndServer } from './support';

useBrowserAndServer();

const ORG = 'zuidhaven';
const AUDITOR = 'auditor@zuidhaven.example';
const COMPLIANCE = /^Compliance \(BIO2, Cbw, ENSIA\)/;

/** A request with the page's session and CSRF token (the cookie is HttpOnly, so it runs in the page). */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/v1/me', { headers: { accept: 'application/json' } })).json();
      const response = await fetch(url, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    { method, url: `/api/v1${path}`, body },
  );
}

/** A calendar date `days` from today (local time), as YYYY-MM-DD. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('evidence', () => {
  it('CISO uploads and links evidence, sees what needs attention, reads the inbox and works on actions', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage();
    const stamp = Date.now();
    const measureTitle = `Back-ups dagelijks getest ${stamp}`;
    const fileTitle = `Hersteltest back-up ${stamp}`;
    const linkTitle = `Certificaat leverancier ${stamp}`;
    const actionTitle = `Hersteltest documenteren ${stamp}`;
    const fileName = `hersteltest-${stamp}.pdf`;
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(new RegExp(`/o/${ORG}$`));
      await expectHeading(page, /Gemeente Zuidhaven/);
      const main = page.getByRole('main');

      // A measure of its own, so the counts below do not depend on the demo data.
      const measure = await apiCall<{ id: string }>(page, 'POST', `/organisations/${ORG}/measures`, {
        title: measureTitle,
        description: 'Elke nacht een back-up; maandelijks een hersteltest.',
        status: 'geimplementeerd',
        requirements: [],
      });

      await openFromNav(page, 'Maatregelen', /^Maatregelen/);
      await page.getByLabel('Zoeken op titel of beschrijving').fill(measureTitle);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await main.getByRole('table').getByRole('link', { name: measureTitle }).click();
      await expectHeading(page, measureTitle);
      const evidence = main.getByRole('region', { name: 'Bewijs' });
      await evidence.getByText('Er is nog geen bewijs gekoppeld.').waitFor();

      // Upload: the progress bar runs to 100 %; every value it showed is kept to check it only went up.
      await evidence.locator('summary', { hasText: 'Bestand uploaden' }).click();
      const upload = evidence.getByRole('form', { name: 'Bestand uploaden' });
      await upload.getByLabel('Bestand', { exact: true }).setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: bytes });
      await upload.getByLabel('Titel', { exact: true }).fill(fileTitle);
      await expectAccessible(page, 'measure: upload form open');
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { progressSeen: number[] }).progressSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('progress');
          if (bar) seen.push(Number(bar.getAttribute('value')));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
      });
      await upload.getByRole('button', { name: 'Uploaden', exact: true }).click();
      const bar = upload.getByRole('progressbar', { name: `Voortgang van het uploaden van ${fileName}` });
      await expect.poll(() => bar.getAttribute('value'), { timeout: 30_000 }).toBe('100');
      expect(await upload.locator('.wb-upload-progress__value').textContent()).toBe('100 %');
      await upload.getByText(`‘${fileTitle}’ is geüpload en gekoppeld.`).waitFor();
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(100);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);

      // Too large (over the default 25 MB) and empty: the server's problem is shown, nothing is added.
      await upload.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'te-groot.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(25 * 1024 * 1024 + 1) });
      await upload.getByRole('button', { name: 'Uploaden', exact: true }).click();
      await upload.getByRole('alert').getByText('Het bestand is groter dan de toegestane 25 MB. Er is niets opgeslagen.').waitFor({ timeout: 60_000 });
      await upload.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
      await upload.getByRole('button', { name: 'Uploaden', exact: true }).click();
      await upload.getByRole('alert').waitFor();
      expect(await upload.getByRole('alert').textContent()).not.toContain('25 MB');
      await expectAccessible(page, 'measure: upload refused');
      await evidence.getByRole('list', { name: '1 stuk bewijs' }).waitFor();

      // Listed with its size and hash (shortened, the full value on request), and it downloads unchanged.
      const fileItem = evidence.getByRole('listitem').filter({ hasText: fileTitle });
      await fileItem.getByText('Geen einddatum', { exact: true }).waitFor();
      const shortHash = fileItem.locator(`code[title="${sha256}"]`);
      expect(await shortHash.textContent()).toBe(`${sha256.slice(0, 12)}…`);
      await shortHash.click();
      await fileItem.getByText(sha256, { exact: true }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), fileItem.getByRole('link', { name: new RegExp(fileName) }).click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      const downloaded = await readFile((await download.path())!);
      expect(downloaded.length).toBe(bytes.length);
      expect(createHash('sha256').update(downloaded).digest('hex')).toBe(sha256);

      // A link that stops being valid in ten days: "verloopt binnenkort".
      await evidence.locator('summary', { hasText: 'Link toevoegen' }).click();
      const linkForm = evidence.getByRole('form', { name: 'Link toevoegen' });
      await linkForm.getByLabel('Titel', { exact: true }).fill(linkTitle);
      await linkForm.getByLabel('Adres (URL)').fill('https://leverancier.example/certificaten/iso27001.pdf');
      await linkForm.getByLabel('Geldig tot en met').fill(dayFromToday(10));
      await linkForm.getByRole('button', { name: 'Link toevoegen', exact: true }).click();
      await linkForm.getByText(`‘${linkTitle}’ is toegevoegd en gekoppeld.`).waitFor();
      const linkItem = evidence.getByRole('listitem').filter({ hasText: linkTitle });
      await linkItem.getByText('Verloopt binnenkort', { exact: true }).waitFor();
      await evidence.getByRole('list', { name: '2 stukken bewijs' }).waitFor();
      await expectAccessible(page, 'measure: two pieces of evidence');

      // Change the link's validity start, then put it back as it was.
      await linkItem.getByRole('button', { name: `Geldigheid wijzigen ‘${linkTitle}’` }).click();
      const validity = linkItem.getByRole('form', { name: `Geldigheid van ‘${linkTitle}’` });
      await validity.getByLabel('Geldig vanaf').fill(dayFromToday(-20));
      await expectAccessible(page, 'measure: validity form');
      await validity.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await linkItem.getByText('Verloopt binnenkort', { exact: true }).waitFor();
      await expect.poll(() => linkItem.getByRole('button', { name: `Geldigheid wijzigen ‘${linkTitle}’` }).isVisible()).toBe(true);

      // A scanner reports a failing check: the measure turns red and the CISO gets a notice.
      await apiCall(page, 'POST', `/organisations/${ORG}/signals`, {
        measureId: measure.id,
        source: 'weerbaar-scanner',
        check: 'back-up-hersteltest',
        passed: false,
        observedAt: new Date().toISOString(),
      });
      await page.reload();
      await expectHeading(page, measureTitle);
      const signals = main.getByRole('region', { name: 'Automatische signalen' });
      await signals.getByText('Gefaald', { exact: true }).waitFor();
      await signals.getByRole('cell', { name: 'back-up-hersteltest' }).waitFor();
      await expectAccessible(page, 'measure: red signal');

      await openFromNav(page, 'Maatregelen', /^Maatregelen/);
      await page.getByLabel('Zoeken op titel of beschrijving').fill(measureTitle);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      const measureRow = main.getByRole('row').filter({ hasText: measureTitle });
      await measureRow.getByText('Rood: 1 controle faalt').waitFor();
      await measureRow.getByRole('cell', { name: '2', exact: true }).waitFor();
      await expectAccessible(page, 'measures: signal and evidence count');

      // "Aandacht nodig" on the compliance home page: the expiring link and the red measure.
      await openFromNav(page, COMPLIANCE, COMPLIANCE);
      const attention = main.getByRole('region', { name: 'Aandacht nodig' });
      const expiring = attention.getByRole('listitem').filter({ hasText: linkTitle });
      await expiring.getByText('Verloopt binnenkort', { exact: true }).waitFor();
      await expiring.getByRole('link', { name: measureTitle }).waitFor();
      const red = attention.getByRole('listitem').filter({ has: page.getByRole('link', { name: measureTitle, exact: true }) }).filter({ hasText: 'back-up-hersteltest' });
      await red.getByText(/weerbaar-scanner: controle ‘back-up-hersteltest’ gefaald op/).waitFor();
      // the demo's open ransomware incident: its 72-hour notification falls due within the day
      const legal = attention.getByRole('list', { name: /wettelijke meldtermijn van een incident verstreken of binnen 24 uur/ });
      await legal.getByRole('listitem').filter({ hasText: 'Incidentmelding: uiterlijk' }).getByRole('link', { name: /^I-\d{4}-\d{3} Ransomware bij Kustnet/ }).waitFor();
      await expectAccessible(page, 'compliance home: needs attention');

      // Inbox: the notice about the red measure, marked read.
      const inboxLink = page.getByRole('banner').getByRole('link', { name: /^Meldingen \(\d+ ongelezen\)$/ });
      const unreadBefore = Number(/\((\d+) ongelezen\)/.exec((await inboxLink.textContent()) ?? '')?.[1]);
      expect(unreadBefore).toBeGreaterThanOrEqual(1);
      await inboxLink.click();
      await expectHeading(page, 'Meldingen');
      const notice = main.getByRole('listitem').filter({ hasText: `Maatregel staat op rood: ${measureTitle}` });
      await notice.getByText('Ongelezen', { exact: true }).waitFor();
      await expectAccessible(page, 'inbox');
      await notice.getByRole('button', { name: `Markeren als gelezen Maatregel staat op rood: ${measureTitle}` }).click();
      await notice.getByText('Gelezen', { exact: true }).waitFor();
      await expect
        .poll(async () => {
          const text = (await page.getByRole('banner').getByRole('link', { name: /^Meldingen/ }).textContent()) ?? '';
          return Number(/\((\d+) ongelezen\)/.exec(text)?.[1] ?? 0);
        })
        .toBe(unreadBefore - 1);
      await main.getByText('Alleen ongelezen meldingen tonen').click();
      await expect.poll(() => notice.count()).toBe(0);
      await expectAccessible(page, 'inbox: unread only');
      await main.getByText('Alleen ongelezen meldingen tonen').click();
      await notice.getByRole('link', { name: `Bekijken Maatregel staat op rood: ${measureTitle}` }).click();
      await expectHeading(page, measureTitle);

      // Actions: a new one that is already overdue, its status changed in the table, the overdue filter.
      await openFromNav(page, 'Acties', /^Acties/);
      await settle(page);
      await expectAccessible(page, 'actions');
      const form = main.getByRole('region', { name: 'Nieuwe actie' });
      await form.getByLabel('Actie', { exact: true }).fill(actionTitle);
      await form.getByLabel('Deadline', { exact: true }).fill(dayFromToday(-3));
      await form.getByLabel('Zoek een maatregel').fill(measureTitle);
      await form.getByRole('button', { name: 'Maatregel zoeken' }).click();
      await form.getByText('1 maatregel gevonden; kies hem hieronder.').waitFor();
      await form.getByLabel('Maatregel', { exact: true }).selectOption({ label: measureTitle });
      await form.getByRole('button', { name: 'Actie aanmaken' }).click();
      await form.getByText(`Actie ‘${actionTitle}’ is aangemaakt.`).waitFor();
      const actionRow = main.getByRole('row').filter({ hasText: actionTitle });
      await actionRow.getByText('Te laat', { exact: true }).waitFor();
      await actionRow.getByRole('link', { name: measureTitle }).waitFor();
      await actionRow.getByText('Handmatig').waitFor();
      await actionRow.getByLabel(`Status van ‘${actionTitle}’`).selectOption('in_uitvoering');
      await actionRow.getByRole('button', { name: `Opslaan Status van ‘${actionTitle}’` }).click();
      await page.getByRole('status').getByText(`Status van ‘${actionTitle}’ is nu In uitvoering.`).waitFor({ state: 'attached' });
      await main.getByLabel('Alleen over de deadline').check();
      await main.getByRole('button', { name: 'Filteren', exact: true }).click();
      await page.waitForURL(/overdue=true/);
      await actionRow.getByText('Te laat', { exact: true }).waitFor();
      await expect.poll(() => actionRow.getByLabel(`Status van ‘${actionTitle}’`).inputValue()).toBe('in_uitvoering');
      await expectAccessible(page, 'actions: overdue filter');

      // The overdue action is on the attention list too.
      await openFromNav(page, COMPLIANCE, COMPLIANCE);
      await main.getByRole('region', { name: 'Aandacht nodig' }).getByRole('link', { name: actionTitle }).waitFor();

      // The evidence overview, filtered on "verloopt binnenkort", with where the evidence is used.
      await openFromNav(page, 'Bewijs', /^Bewijs/);
      await main.getByRole('row').filter({ hasText: fileTitle }).getByRole('link', { name: measureTitle }).waitFor();
      await expectAccessible(page, 'evidence overview');
      await page.getByLabel('Status', { exact: true }).selectOption('verloopt_binnenkort');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.waitForURL(/status=verloopt_binnenkort/);
      await main.getByRole('row').filter({ hasText: linkTitle }).waitFor();
      await expect.poll(() => main.getByRole('row').filter({ hasText: fileTitle }).count()).toBe(0);
      await expectAccessible(page, 'evidence overview: expiring soon');

      // The same file as evidence for a second measure: link existing evidence, then unlink it again.
      const second = await apiCall<{ id: string }>(page, 'POST', `/organisations/${ORG}/measures`, {
        title: `${measureTitle} (tweede locatie)`,
        description: '',
        status: 'gepland',
        requirements: [],
      });
      await page.goto(`${page.url().split('/o/')[0]}/o/${ORG}/compliance/measures/${second.id}`);
      await expectHeading(page, `${measureTitle} (tweede locatie)`);
      await evidence.locator('summary', { hasText: 'Bestaand bewijs koppelen' }).click();
      const picker = evidence.getByRole('search', { name: 'Bestaand bewijs koppelen' });
      await picker.getByLabel('Zoek bewijs op titel of bestandsnaam').fill(fileName);
      await picker.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await evidence.getByText('1 stuk bewijs gevonden.').waitFor();
      await expectAccessible(page, 'second measure: search existing evidence');
      await evidence.getByRole('button', { name: `Koppelen ${fileTitle}` }).click();
      await evidence.getByRole('list', { name: '1 stuk bewijs' }).getByRole('listitem').filter({ hasText: fileTitle }).waitFor();
      await evidence.getByText('al gekoppeld').waitFor();
      await evidence.getByRole('button', { name: `Ontkoppelen ‘${fileTitle}’` }).click();
      await evidence.getByText('Er is nog geen bewijs gekoppeld.').waitFor();

      // A year's findings (the demo's open year is not in the audit phase: the list, no form).
      const years = await apiCall<{ items: Array<{ year: number }> }>(page, 'GET', `/organisations/${ORG}/assessment-years`);
      if (years.items.length > 0) {
        await page.goto(`${page.url().split('/o/')[0]}/o/${ORG}/compliance/years/${years.items[0].year}/findings`);
        await expectHeading(page, `Bevindingen ${years.items[0].year}`);
        await main.getByRole('heading', { level: 2, name: 'Bevindingen' }).waitFor();
        await expectAccessible(page, 'findings');
      }

      await logout(page);
    } finally {
      await context.close();
    }
  });

  it('installation admin imports a library file and a CISO the official texts: preview with located errors first', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await fillCredentials(page, ADMIN);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${page.url().split('/').slice(0, 3).join('/')}/admin`);
      await expectHeading(page, 'Installatiebeheer');
      const main = page.getByRole('main');
      await main.getByRole('link', { name: 'Bibliotheek importeren' }).click();
      await expectHeading(page, 'Bibliotheek importeren');
      await expectAccessible(page, 'library import');

      // A CISO Assistant library with a YAML error: nothing is imported, the problem says where.
      const yaml = await readFile(new URL('../fixtures/imports/ciso-framework.yaml', import.meta.url), 'utf8');
      await main.getByLabel('CISO Assistant-bibliotheek (YAML)').check();
      const file = main.getByLabel('Bestand', { exact: true });
      await file.setInputFiles({ name: 'kapot.yaml', mimeType: 'application/yaml', buffer: Buffer.from(`${yaml}\n  - [niet: gesloten\n`) });
      await main.getByRole('button', { name: 'Controleren', exact: true }).click();
      const problems = main.getByRole('alert').filter({ hasText: /niets ingelezen|niets geïmporteerd|Ongeldig/ });
      await problems.first().waitFor();
      await main.locator('.wb-problems__location').first().waitFor();
      expect(await main.locator('.wb-problems__location').first().textContent()).toMatch(/regel \d+/);
      await expectAccessible(page, 'library import: located problems');

      // The valid file: preview, then import.
      await file.setInputFiles({ name: 'demo-norm.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
      await main.getByRole('button', { name: 'Controleren', exact: true }).click();
      await main.getByText('Het bestand is in orde en kan worden geïmporteerd:').waitFor();
      await main.getByText(/^Raamwerk .+ \(versie .+\)/).first().waitFor();
      await expectAccessible(page, 'library import: preview');
      await main.getByRole('button', { name: 'Importeren', exact: true }).click();
      await main.getByText(/^Geïmporteerd: .+ \(nieuw\)/).waitFor();
      await logout(page);

      // A CISO loads the official BIO2 texts from a spreadsheet: first one with an empty text cell.
      await fillCredentials(page, CISO);
      await page.waitForURL(new RegExp(`/o/${ORG}$`));
      const frameworks = await apiCall<{ items: Array<{ id: string; name: string }> }>(page, 'GET', '/frameworks');
      const bio = frameworks.items.find((framework) => /bio/i.test(framework.id))!;
      const detail = await apiCall<{ requirements: Array<{ ref: string; assessable: boolean; status: string }> }>(page, 'GET', `/frameworks/${encodeURIComponent(bio.id)}`);
      const refs = detail.requirements.filter((r) => r.assessable && r.status === 'active' && /^\d+\.\d{2}\.\d{2}$/.test(r.ref)).slice(0, 3).map((r) => r.ref);
      expect(refs).toHaveLength(3);
      const workbook = async (texts: string[]) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Maatregelen');
        ws.addRow(['Nummer', 'Maatregel']);
        refs.forEach((ref, index) => ws.addRow([ref, texts[index]]));
        return Buffer.from(await wb.xlsx.writeBuffer());
      };
      await openFromNav(page, COMPLIANCE, COMPLIANCE);
      await main.getByRole('link', { name: 'Officiële teksten' }).click();
      await expectHeading(page, /^Officiële teksten/);
      await main.getByText('Er zijn voor dit raamwerk nog geen officiële teksten ingelezen.').waitFor();
      await expectAccessible(page, 'official texts');
      const sheet = main.getByLabel('Officiële spreadsheet (XLSX)');
      await sheet.setInputFiles({ name: 'bio2.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(['Eerste tekst.', '', 'Derde tekst.']) });
      await main.getByRole('button', { name: 'Controleren', exact: true }).click();
      await main.getByText('Het bestand bevat fouten; er wordt niets ingelezen.').waitFor();
      await main.locator('.wb-problems__location', { hasText: 'blad Maatregelen, cel B3' }).waitFor();
      await expectAccessible(page, 'official texts: located problems');

      await sheet.setInputFiles({ name: 'bio2.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(['Eerste tekst.', 'Tweede tekst.', 'Derde tekst.']) });
      await main.getByRole('button', { name: 'Controleren', exact: true }).click();
      await main.getByText('Het bestand is in orde.').waitFor();
      await main.getByText(/^3 teksten/).waitFor();
      await main.getByRole('button', { name: 'Teksten inlezen' }).click();
      await main.getByText(/^De teksten zijn ingelezen\./).waitFor();
      const texts = main.getByRole('table');
      for (const [index, ref] of refs.entries()) {
        await texts.getByRole('row').filter({ hasText: ref }).getByText(['Eerste tekst.', 'Tweede tekst.', 'Derde tekst.'][index]).waitFor();
      }
      await expectAccessible(page, 'official texts: imported');
      await logout(page);
    } finally {
      await context.close();
    }
  });

  it('auditor records a finding in a year in the audit phase; it becomes an action the CISO sees', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage();
    const title = `Wachtwoordbeleid niet afgedwongen ${Date.now()}`;
    try {
      await fillCredentials(page, AUDITOR);
      await page.waitForURL(new RegExp(`/o/${ORG}$`));
      const years = await apiCall<{ items: Array<{ year: number; phase: string }> }>(page, 'GET', `/organisations/${ORG}/assessment-years`);
      const audited = years.items.find((item) => item.phase === 'audit');
      expect(audited, 'the demo has a year in the audit phase').toBeTruthy();
      const year = audited!.year;
      await page.goto(`${page.url().split('/o/')[0]}/o/${ORG}/compliance/years/${year}/findings`);
      await expectHeading(page, `Bevindingen ${year}`);
      const main = page.getByRole('main');
      await main.getByText(`Het jaar is in de fase audit: de auditor kan bevindingen vastleggen.`).waitFor();
      const before = await main.getByRole('region', { name: 'Bevindingen', exact: true }).getByRole('row').count();
      await expectAccessible(page, 'findings (audit phase)');

      const form = main.getByRole('region', { name: 'Nieuwe bevinding' });
      await form.getByLabel('Bevinding', { exact: true }).fill(title);
      await form.getByLabel('Toelichting').fill('Het beleid schrijft MFA voor, maar twee applicaties dwingen het niet af.');
      await form.getByLabel('Ernst').selectOption('hoog');
      await form.getByLabel('Zoek de eis op nummer of titel').fill('toegang');
      await form.getByRole('button', { name: 'Eis zoeken' }).click();
      await form.getByText(/^\d+ eis(en)? gevonden\.$/).waitFor();
      const requirement = form.getByLabel('Eis', { exact: true });
      const option = await requirement.locator('option').nth(1).getAttribute('value');
      await requirement.selectOption(option!);
      const owner = form.getByLabel('Eigenaar van de actie');
      await owner.selectOption((await owner.locator('option', { hasText: /^CISO/ }).first().getAttribute('value'))!);
      await form.getByLabel('Deadline van de actie').fill(dayFromToday(60));
      await expectAccessible(page, 'findings: new finding filled in');
      await form.getByRole('button', { name: 'Bevinding vastleggen' }).click();
      await form.getByText(`Bevinding ‘${title}’ is vastgelegd; er is een actie voor aangemaakt.`).waitFor();
      const row = main.getByRole('row').filter({ hasText: title });
      await row.getByText('Hoog', { exact: true }).waitFor();
      await row.getByRole('link', { name: 'Open' }).waitFor();
      expect(await main.getByRole('region', { name: 'Bevindingen', exact: true }).getByRole('row').count()).toBe(before + 1);
      await logout(page);

      // The CISO finds the action, with its source linking back to the year's findings.
      await fillCredentials(page, CISO);
      await page.waitForURL(new RegExp(`/o/${ORG}$`));
      await openFromNav(page, COMPLIANCE, COMPLIANCE);
      await openFromNav(page, 'Acties', /^Acties/);
      const action = main.getByRole('row').filter({ hasText: title });
      await action.getByRole('rowheader', { name: new RegExp(`^Bevinding ${year}: ${title}`) }).waitFor();
      await action.getByRole('link', { name: `Bevinding van de auditor: Bevinding ${year}` }).click();
      await expectHeading(page, `Bevindingen ${year}`);
      await main.getByRole('row').filter({ hasText: title }).waitFor();
      expect(await main.getByRole('region', { name: 'Nieuwe bevinding' }).count()).toBe(0);
      await expectAccessible(page, 'findings (read by the CISO)');
      await logout(page);
    } finally {
      await context.close();
    }
  });
});

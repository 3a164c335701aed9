/**
 * Browser test for suppliers and joint arrangements, each page checked with axe-core (WCAG 2.1 A/AA):
 * the CISO of Zuidhaven filters the suppliers on high risk (the filter lands in the URL), reads the
 * installation's list of high-risk countries, opens the shared hosting party (Kustnet Datacenters) and
 * sees its facts (no high-risk origin, a signed verwerkersovereenkomst, valid certifications), adds a
 * contract that ends within 90 days and a certification that expires within 60 days, answers three
 * procurement requirements and saves them at once, and then opens a joint arrangement that is itself in
 * Weerbaar and sees the status it shares. The CISO of that joint arrangement (GR Kustland ICT) publishes
 * a new status and sees its participants; an installation administrator adds a country to the high-risk
 * list with a reason and removes it again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, CISO, expectAccessible, expectHeading, fillCredentials, newPage, useBrowserAndServer } from './support';

useBrowserAndServer();

const ORG = 'zuidhaven';
const HOSTING = 'Kustnet Datacenters B.V.';

/** A calendar date `days` from today (local time), as YYYY-MM-DD. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A GET with the page's session (the cookie is HttpOnly, so it runs in the page). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return response.json();
  }, `/api/v1${path}`);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const row = (page: Page, name: string | RegExp) => page.getByRole('main').getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

describe('suppliers', () => {
  it('CISO checks the hosting party, adds a contract and a certification, answers procurement requirements and reads a shared status', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage();
    const stamp = Date.now();
    const contractTitle = `Uitbreiding back-upopslag ${stamp}`;
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(new RegExp(`/o/${ORG}$`));
      await expectHeading(page, /Gemeente Zuidhaven/);
      const main = page.getByRole('main');

      // The suppliers list from the side navigation; filtering on high risk puts the filter in the URL.
      await nav(page).getByRole('link', { name: 'Leveranciers', exact: true }).click();
      await expectHeading(page, /^Leveranciers/);
      await main.getByRole('row').filter({ hasText: HOSTING }).waitFor();
      await expect.poll(() => main.getByText(/van \d+ leveranciers getoond/).textContent()).toMatch(/^\d+ van \d+ leveranciers getoond\.$/);
      await expectAccessible(page, 'leveranciers');
      await page.getByLabel('Hoog risico', { exact: true }).selectOption('true');
      await main.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/highRisk=true/);
      await row(page, 'Polderflow Automation B.V.').getByText('Hoog risico').waitFor();
      // the unfiltered rows may still be on screen for a moment after the URL changed
      await expect.poll(() => row(page, HOSTING).count()).toBe(0);

      // Why: the installation's list, with its reason (read-only for a CISO).
      await main.getByRole('link', { name: 'Lijst van landen met een offensief cyberprogramma' }).click();
      await expectHeading(page, /^Landen met een offensief cyberprogramma/);
      await row(page, /China/).waitFor();
      expect(await main.getByRole('button', { name: /Van de lijst halen/ }).count()).toBe(0);
      await expectAccessible(page, 'hoog-risicolanden');

      // The shared hosting party: its facts.
      await page.goto(`${new URL(page.url()).origin}/o/${ORG}/assets/suppliers?q=Kustnet`);
      await main.getByRole('link', { name: HOSTING }).click();
      await expectHeading(page, new RegExp(`^${HOSTING.replace(/\./g, '\\.')}`));
      const facts = main.locator('section[aria-labelledby="facts-heading"]');
      await expect.poll(() => facts.textContent()).toContain('80412375');
      const factText = (await facts.textContent()) ?? '';
      expect(factText).toContain('Nee: land van herkomst en landen van verwerking staan niet op de lijst');
      expect(factText).toContain('Nederland');
      expect(factText).toMatch(/Ondertekend op 15 feb\.? 2021/);
      expect(factText).toContain('ISO/IEC 27001 (Datacenterdiensten)');
      expect(factText).toContain('ISAE 3402 (Type II)');
      expect(factText).not.toContain('Verwerkersovereenkomst ontbreekt');
      await row(page, 'VNG Model Verwerkersovereenkomst 2.0').getByText('Ja', { exact: true }).waitFor();
      await expectAccessible(page, 'leverancier');

      // A contract that ends within 90 days is marked.
      await main.getByRole('button', { name: 'Contract toevoegen' }).click();
      await page.getByLabel('Contract', { exact: true }).fill(contractTitle);
      await page.getByLabel('Begindatum').fill(dayFromToday(-300));
      await page.getByLabel('Einddatum').fill(dayFromToday(30));
      await page.getByLabel('Contractwaarde (euro)').fill('12.500');
      await page.getByLabel('Opzegtermijn (dagen)').fill('14');
      await page.getByLabel('Exitplan').fill('Opslag terug naar het eigen datacenter van de ICT-samenwerking.');
      await main.getByRole('button', { name: 'Contract opslaan' }).click();
      const contract = row(page, contractTitle);
      await contract.getByText('Loopt binnen 90 dagen af').waitFor();
      expect((await contract.textContent())?.replace(/\s/g, ' ')).toContain('€ 12.500');
      expect(await contract.textContent()).toContain('14 dagen');
      await expect.poll(() => main.getByRole('status').filter({ hasText: 'Het contract is toegevoegd.' }).count()).toBe(1);
      // The supplier now carries the warning, naming the contract.
      await main.getByText(/Contract loopt binnen 90 dagen af: "Uitbreiding back-upopslag \d+" eindigt op/).first().waitFor();

      // A certification that expires within 60 days is marked as such.
      await main.getByRole('button', { name: 'Certificering toevoegen' }).click();
      const certification = page.locator('form[aria-label="Nieuwe certificering"]');
      await certification.getByLabel('Certificering', { exact: true }).selectOption('soc2');
      await certification.getByLabel('Naam of reikwijdte').fill('Type II hosting');
      await certification.getByLabel('Geldig tot en met').fill(dayFromToday(20));
      await certification.getByRole('button', { name: 'Certificering opslaan' }).click();
      await row(page, 'SOC 2 (Type II hosting)').getByText('Verloopt binnen 60 dagen').waitFor();
      await expectAccessible(page, 'leverancier na toevoegen');

      // Three procurement requirements answered anew and saved at once; the summary follows.
      const supplierId = new URL(page.url()).pathname.split('/').pop()!;
      const sets = await apiGet<{ items: Array<{ id: string }> }>(page, `/organisations/${ORG}/procurement-sets`);
      expect(sets.items.length).toBeGreaterThan(0);
      type Sheet = { summary: Record<string, number>; items: Array<{ ref: string; title: string; chapterRef: string | null; answer: string | null; note: string }> };
      const sheetPath = `/organisations/${ORG}/suppliers/${supplierId}/procurement/${encodeURIComponent(sets.items[0].id)}`;
      const before = await apiGet<Sheet>(page, sheetPath);
      const chapters = new Set(before.items.map((item) => item.chapterRef));
      const chosen = before.items.filter((item) => !chapters.has(item.ref)).slice(0, 3);
      expect(chosen).toHaveLength(3);
      const expected = { ...before.summary };
      const picks = chosen.map((item, index) => {
        const answer = (['voldoet_niet', 'onbekend', 'voldoet_deels', 'voldoet'] as const).filter((a) => a !== item.answer)[index % 3];
        expected[item.answer ?? 'unanswered'] -= 1;
        expected[answer] += 1;
        return { item, answer };
      });
      const procurement = main.locator('section[aria-labelledby="procurement-heading"]');
      const answerField = (item: { ref: string; title: string }) => procurement.getByLabel(`Antwoord op ${item.ref} ${item.title}`, { exact: true });
      await procurement.getByRole('button', { name: 'Eisen tonen en beantwoorden' }).click();
      await answerField(chosen[0]).waitFor();
      for (const { item, answer } of picks) await answerField(item).selectOption(answer);
      await procurement.getByLabel(`Toelichting bij ${chosen[0].ref} ${chosen[0].title}`, { exact: true }).fill('Certificaat verlopen; nieuw certificaat opgevraagd.');
      await procurement.getByText('3 wijzigingen nog niet opgeslagen.').waitFor();
      await procurement.getByRole('button', { name: 'Antwoorden opslaan' }).click();
      await procurement.getByText('3 antwoorden zijn opgeslagen.').waitFor();
      const summary = procurement.getByRole('list', { name: 'Samenvatting van de antwoorden' });
      const shown = `Voldoet: ${expected.voldoet}Voldoet deels: ${expected.voldoet_deels}Voldoet niet: ${expected.voldoet_niet}Niet van toepassing: ${expected.niet_van_toepassing}Onbekend: ${expected.onbekend}`;
      await expect.poll(async () => (await summary.textContent())?.replace(/\s+/g, '')).toContain(shown.replace(/\s+/g, ''));
      expect(await answerField(chosen[0]).inputValue()).toBe(picks[0].answer);
      const after = await apiGet<Sheet>(page, sheetPath);
      expect(after.summary).toEqual(expected);
      expect(after.items.find((item) => item.ref === chosen[0].ref)?.note).toBe('Certificaat verlopen; nieuw certificaat opgevraagd.');
      await expectAccessible(page, 'leverancier met inkoopeisen');

      // A joint arrangement that is itself in Weerbaar shows the status it shares.
      await nav(page).getByRole('link', { name: 'Gemeenschappelijke regelingen', exact: true }).click();
      await expectHeading(page, /^Gemeenschappelijke regelingen/);
      await main.getByRole('row').first().waitFor();
      await expectAccessible(page, 'regelingen');
      const arrangements = await apiGet<{ items: Array<{ name: string; sharedStatus?: { status: string; message: string } | null }> }>(
        page,
        `/organisations/${ORG}/joint-arrangements?limit=200`,
      );
      const shared = arrangements.items.find((a) => a.sharedStatus);
      expect(shared, 'a demo joint arrangement shares its status').toBeTruthy();
      const statusLabel = { normaal: 'Normaal', verstoord: 'Verstoord', uitval: 'Uitval' }[shared!.sharedStatus!.status]!;
      await row(page, shared!.name).getByText(statusLabel, { exact: true }).waitFor();
      await main.getByRole('link', { name: shared!.name, exact: true }).click();
      await expectHeading(page, new RegExp(`^${shared!.name}`));
      const status = main.locator('section[aria-labelledby="arrangement-shared-heading"]');
      await status.getByText(statusLabel, { exact: true }).waitFor();
      if (shared!.sharedStatus!.message) await status.getByText(shared!.sharedStatus!.message).waitFor();
      await expectAccessible(page, 'regeling met gedeelde status');
    } finally {
      await context.close();
    }
  });

  it('the joint arrangement publishes its status to its participants', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await fillCredentials(page, 'ciso@gr-kustland-ict.example');
      await page.waitForURL(/\/o\/gr-kustland-ict$/);
      await nav(page).getByRole('link', { name: 'Gedeelde status', exact: true }).click();
      await expectHeading(page, /^Gedeelde status/);
      const main = page.getByRole('main');
      const participants = main.locator('section[aria-labelledby="shared-participants-heading"]');
      for (const gemeente of ['Gemeente Noorderveld', 'Gemeente Oostbroek', 'Gemeente Zuidhaven']) await participants.getByText(gemeente).waitFor();
      await expectAccessible(page, 'gedeelde status');
      await main.getByRole('radio', { name: 'Normaal' }).check();
      await page.getByLabel('Bericht aan de deelnemers').fill('Storing verholpen; alle diensten werken weer.');
      await main.getByRole('button', { name: 'Status delen' }).click();
      await main.getByText('De status is gedeeld met de deelnemers.').waitFor();
      const current = main.locator('section[aria-labelledby="shared-current-heading"]');
      await current.getByText('Normaal', { exact: true }).waitFor();
      await current.getByText('Storing verholpen; alle diensten werken weer.').waitFor();
      await expectAccessible(page, 'gedeelde status na publiceren');
    } finally {
      await context.close();
    }
  });

  it('an installation administrator maintains the list of high-risk countries', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await fillCredentials(page, ADMIN);
      await page.waitForURL(/\/o\//);
      await page.goto(`${new URL(page.url()).origin}/o/${ORG}/assets/high-risk-countries`);
      await expectHeading(page, /^Landen met een offensief cyberprogramma/);
      const main = page.getByRole('main');
      await row(page, /China/).waitFor();
      await page.getByLabel('Land', { exact: true }).selectOption('KP');
      await page.getByLabel('Reden', { exact: true }).fill('Voorbeeld uit de browsertest: staatsgesteunde aanvallen op de financiële sector.');
      await main.getByRole('button', { name: 'Land toevoegen' }).click();
      await main.getByText(/staat nu op de lijst/).waitFor();
      const added = row(page, /\(KP\)/);
      await added.getByText('Voorbeeld uit de browsertest').waitFor();
      await expectAccessible(page, 'hoog-risicolanden (beheer)');
      page.once('dialog', (dialog) => void dialog.accept());
      await added.getByRole('button', { name: /Van de lijst halen/ }).click();
      await main.getByRole('status').filter({ hasText: /is van de lijst gehaald/ }).waitFor();
      await expect.poll(() => row(page, /\(KP\)/).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

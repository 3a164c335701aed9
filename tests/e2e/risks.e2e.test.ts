/**
 * Browser test for the risk register: the CISO of Zuidhaven reads the overview (heat maps as tables,
 * the trend with its table), records a risk with a linked object, supplier and measure, the
 * burgemeester (bestuurder) accepts it because its residual level is hoog, and the CISO sees the
 * decision; the linked asset lists the risk; the matrix and DPIA pages render. Every page visited is checked with axe-core against WCAG 2.1 A/AA.
 *
 * The test takes the demo's own assets, suppliers and measures from the API, so it does not depend
 * on their names.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, CISO, expectAccessible, expectHeading, fillCredentials, logout, newPage, openFromNav, useBrowserAndServer } from './support';

useBrowserAndServer();

const BURGEMEESTER = 'burgemeester@zuidhaven.example';
const ORG = '/api/v1/organisations/zuidhaven';

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }, path);
}

interface Named {
  id: string;
  name: string;
}

async function login(page: Page, email: string): Promise<void> {
  await fillCredentials(page, email);
  await page.waitForURL(/\/o\/zuidhaven$/);
  await expectHeading(page, /Gemeente Zuidhaven/);
}

describe('risk register', () => {
  it('CISO records a risk, the burgemeester accepts it, the CISO sees the decision', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage();
    const title = `Uitval gemaal door aanval op de besturing ${Date.now()}`;
    try {
      await login(page, CISO);
      const main = page.getByRole('main');

      // Demo data to link: an asset, a supplier and a measure still in status gepland (so the
      // residual risk stays at the inherent score and the bestuurder must accept it).
      const asset = (await apiGet<{ items: Named[] }>(page, `${ORG}/assets?limit=1`)).items[0];
      const supplier = (await apiGet<{ items: Named[] }>(page, `${ORG}/suppliers?limit=1`)).items[0];
      let measure: { id: string; title: string } | undefined;
      for (const status of ['gepland', 'in_uitvoering']) {
        measure ??= (await apiGet<{ items: Array<{ id: string; title: string }> }>(page, `${ORG}/measures?status=${status}&limit=1`)).items[0];
      }
      expect(asset && supplier && measure, 'demo asset, supplier and open measure').toBeTruthy();

      // The register, then the overview: both heat maps as tables, the trend as chart and table.
      await openFromNav(page, "Risico's", 'Risicoregister');
      await main.getByRole('link', { name: 'Nieuw risico' }).waitFor();
      await main.getByText(/^\d+ van \d+ risico('s)? getoond\.$/).waitFor();
      await expectAccessible(page, 'risk register');
      const exportHref = await main.getByRole('link', { name: 'Exporteren (XLSX)' }).getAttribute('href');
      const exported = await page.evaluate(async (url) => {
        const response = await fetch(url!);
        return { status: response.status, type: response.headers.get('content-type') ?? '' };
      }, exportHref);
      expect(exported.status).toBe(200);
      expect(exported.type).toContain('spreadsheetml');
      await openFromNav(page, 'Overzicht', 'Risico-overzicht');
      await main.getByRole('table', { name: /^Inherent risico: aantal open risico's/ }).waitFor();
      await main.getByRole('table', { name: /^Restrisico: aantal open risico's/ }).waitFor();
      const trendTable = main.getByRole('table', { name: "Open risico's per maand naar niveau van het restrisico" });
      await trendTable.waitFor();
      expect(await trendTable.locator('tbody tr').count()).toBe(12);
      await main.locator('.wb-risk-chart svg').first().waitFor();
      await expectAccessible(page, 'risk overview');

      // A new risk: inherent 4 × 4 = 16 (hoog on the default matrix), mitigated with a measure.
      await openFromNav(page, /^Register$/, 'Risicoregister');
      await main.getByRole('link', { name: 'Nieuw risico' }).click();
      await expectHeading(page, /^Nieuw risico/);
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Omschrijving', { exact: true }).fill('Een aanvaller neemt via de afstandsbediening de besturing van het gemaal over.');
      await page.getByLabel('Domein', { exact: true }).selectOption('digitaal');
      await page.getByLabel('Kans', { exact: true }).selectOption('4');
      await page.getByLabel('Impact', { exact: true }).selectOption('4');
      await page.locator('#risk-inherent-score').getByText('score 16').waitFor();
      await page.locator('#risk-inherent-score').getByText('Hoog', { exact: true }).waitFor();
      await page.getByLabel('Behandeling', { exact: true }).selectOption('mitigate');
      await page.getByLabel('Doel: kans', { exact: true }).selectOption('2');
      await page.getByLabel('Doel: impact', { exact: true }).selectOption('4');

      await page.getByLabel('Maatregel zoeken op titel').fill(measure!.title.slice(0, 60));
      await page.getByLabel('Maatregel zoeken op titel').press('Enter');
      await page.getByLabel('Gevonden maatregel').selectOption(measure!.id);
      await page.getByRole('button', { name: 'Maatregel koppelen' }).click();
      await page.locator('.wb-risk-chosen__item > span').getByText(measure!.title).waitFor();

      for (const [kind, item] of [
        ['asset', asset],
        ['supplier', supplier],
      ] as const) {
        await page.getByLabel('Soort', { exact: true }).selectOption(kind);
        await page.getByLabel('Zoeken op naam').fill(item.name.slice(0, 60));
        await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
        await page.getByLabel('Gevonden', { exact: true }).selectOption(item.id);
        await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
        await page.locator('.wb-risk-chosen__item > span').getByText(item.name, { exact: false }).first().waitFor();
      }
      await page.getByLabel('Herzieningsdatum').fill('2030-01-31');
      await expectAccessible(page, 'new risk form');
      await page.getByRole('button', { name: 'Risico vastleggen' }).click();
      await page.waitForURL(/\/risicos\/[0-9a-f-]{36}$/);
      const riskUrl = new URL(page.url()).pathname;
      await expectHeading(page, new RegExp(title));
      await main.getByText('Het risico is vastgelegd.').waitFor();
      await main.getByText('0 van 1 maatregel geïmplementeerd').waitFor();
      await main.getByText(asset!.name, { exact: false }).first().waitFor();
      await main.getByText(/mag worden geaccepteerd door iemand met de rol Bestuurder/).waitFor();
      expect(await main.getByRole('button', { name: 'Risico accepteren' }).count()).toBe(0);
      await expectAccessible(page, 'risk (created)');

      // The asset's own page lists the open risks linked to it.
      await page.goto(`${baseUrl()}/o/zuidhaven/assets/${asset!.id}`);
      const linked = main.locator('section', { has: page.getByRole('heading', { level: 2, name: "Risico's", exact: true }) });
      await linked.getByRole('link', { name: title }).waitFor();
      await logout(page);

      // The burgemeester accepts the hoog residual risk with function, reason and end date.
      await login(page, BURGEMEESTER);
      await page.goto(`${baseUrl()}${riskUrl}`);
      await expectHeading(page, new RegExp(title));
      await main.getByRole('heading', { level: 3, name: 'Risico accepteren' }).waitFor();
      await expectAccessible(page, 'risk (burgemeester, before accepting)');
      await page.getByLabel('Functie').fill('burgemeester, namens het college');
      await page.getByLabel('Motivering').fill('De besturing staat achter een firewall; vervanging is gepland bij de renovatie van het gemaal.');
      const until = `${new Date().getFullYear() + 1}-06-30`;
      await page.getByLabel('Geldig tot en met').fill(until);
      await page.getByRole('button', { name: 'Risico accepteren' }).click();
      await main.getByText('Het restrisico is geaccepteerd.').waitFor();
      await main.getByRole('heading', { level: 3, name: 'Huidig besluit' }).waitFor();
      await expectAccessible(page, 'risk (accepted)');
      await logout(page);

      // The CISO sees the decision on the risk and in the register.
      await login(page, CISO);
      await page.goto(`${baseUrl()}${riskUrl}`);
      await expectHeading(page, new RegExp(title));
      const decision = main.locator('.wb-risk-acceptance');
      await decision.getByText('Burgemeester Zuidhaven, burgemeester, namens het college').waitFor();
      await decision.getByText('Geldig', { exact: true }).waitFor();
      await main.getByRole('heading', { level: 3, name: 'Alle acceptatiebesluiten' }).waitFor();
      await main.getByRole('table', { name: /^Elke wijziging van het inherente risico/ }).getByText('Geaccepteerd').first().waitFor();
      await expectAccessible(page, 'risk (CISO sees the acceptance)');

      await openFromNav(page, /^Register$/, 'Risicoregister');
      await page.getByLabel('Zoeken op nummer, titel of omschrijving').fill(title);
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      const row = main.getByRole('row', { name: new RegExp(title) });
      await row.getByText(/^Geaccepteerd t\/m /).waitFor();
      await expectAccessible(page, 'risk register (filtered)');

      // DPIA records: the list, one record and the form for a privacy risk from it.
      await openFromNav(page, "DPIA's", "DPIA's");
      await expectAccessible(page, 'DPIAs');
      const dpia = main.getByRole('table').getByRole('link').first();
      const dpiaName = (await dpia.textContent()) ?? '';
      await dpia.click();
      await expectHeading(page, dpiaName);
      await main.getByRole('button', { name: 'Privacyrisico aanmaken' }).click();
      await main.getByRole('button', { name: 'Privacyrisico vastleggen' }).waitFor();
      expect(await page.getByLabel('Domein', { exact: true }).count()).toBe(0);
      await expectAccessible(page, 'DPIA with the privacy-risk form');

      // The matrix settings with their preview.
      await openFromNav(page, 'Matrix', 'Risicomatrix');
      await main.getByRole('table', { name: 'De matrix: score en niveau per kans en impact' }).waitFor();
      await expectAccessible(page, 'risk matrix');

      // A sixth likelihood level while risks exist: the server asks to rescale; "Scores omrekenen" does it.
      await main.getByRole('button', { name: /^Niveau toevoegen \(Niveaus van kans/ }).click();
      await page.getByLabel('Niveau 6').first().fill('Vrijwel zeker');
      await main.getByRole('button', { name: 'Matrix opslaan' }).click();
      await main.getByRole('button', { name: 'Scores omrekenen en opslaan' }).click();
      await main.getByText('De matrix is opgeslagen.').waitFor();
      await main.getByRole('table', { name: 'De matrix: score en niveau per kans en impact' }).getByText('Vrijwel zeker').waitFor();
      await expectAccessible(page, 'risk matrix (rescaled)');
    } finally {
      await context.close();
    }
  });
});

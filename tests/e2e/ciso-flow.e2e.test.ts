/**
 * The flow issue #5 names, as one CISO does it: import an asset sheet (a new process and the
 * application it uses, linked on the "Afhankelijkheden" sheet), link the application to the shared
 * hosting supplier on its page, open the cascade for that supplier and see the new process hit
 * beyond its RTO, then record a risk on the application and accept it (a midden residual risk is
 * the CISO's to accept on the default matrix). Every page visited is checked with axe-core.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { baseUrl, CISO, expectAccessible, expectHeading, fillCredentials, newPage, settle, useBrowserAndServer } from './support';

useBrowserAndServer();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KUSTNET = 'Kustnet Datacenters B.V.';

async function sheet(process: string, application: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const objects = book.addWorksheet('Objecten');
  objects.addRow(['Soort', 'Naam', 'Omschrijving', 'Kritikaliteit', 'Persoonsgegevens', 'RTO (uren)', 'RPO (uren)', 'MTD (uren)', 'Leverancier software', 'Product', 'Versie']);
  objects.addRow(['proces', process, 'Aanvragen voor omgevingsvergunningen behandelen binnen de wettelijke termijn.', 'hoog', 'ja', 8, 4, 24, null, null, null]);
  objects.addRow(['applicatie', application, 'Zaaksysteem voor vergunningen.', 'hoog', 'ja', null, null, null, 'Vergunningsoft B.V.', 'VergunningZaak', '4.2']);
  const links = book.addWorksheet('Afhankelijkheden');
  links.addRow(['Van-type', 'Van', 'Naar-type', 'Naar', 'Soort afhankelijkheid', 'Toelichting']);
  links.addRow(['object', `proces: ${process}`, 'object', `applicatie: ${application}`, 'gebruikt', 'Elke aanvraag loopt door het zaaksysteem']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the CISO flow of issue #5', () => {
  it('imports an asset sheet, links a supplier, opens the cascade and accepts a risk', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage();
    const stamp = Date.now();
    const process = `Omgevingsvergunningen ${stamp}`;
    const application = `Zaaksysteem vergunningen ${stamp}`;
    const title = `Uitval zaaksysteem vergunningen ${stamp}`;
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(/\/o\/zuidhaven$/);
      const main = page.getByRole('main');

      // 1. Import: preview first, then all of it.
      await page.goto(`${baseUrl()}/o/zuidhaven/assets/import`);
      await expectHeading(page, /^Objecten importeren/);
      await page.getByLabel('Bestand (XLSX of CSV)').setInputFiles({ name: 'objecten.xlsx', mimeType: XLSX, buffer: await sheet(process, application) });
      await page.getByRole('button', { name: 'Controleren', exact: true }).click();
      await main.getByText(/Voorbeeld: 2 nieuw, 0 gewijzigd, \d+ ongewijzigd\./).waitFor();
      await main.getByText(/Afhankelijkheden: 1 toegevoegd, 0 verwijderd/).waitFor();
      await expectAccessible(page, 'flow: import preview');
      await page.getByRole('button', { name: '3 wijzigingen importeren' }).click();
      await main.getByText(/Geïmporteerd: 2 nieuw, 0 bijgewerkt, \d+ ongewijzigd\./).waitFor();

      // 2. The application's page: the process uses it; link it to the hosting supplier.
      await main.getByRole('link', { name: 'Naar de objecten' }).click();
      await page.getByLabel(/^Zoeken op naam/).fill(application);
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await main.getByRole('table').getByRole('link', { name: application }).click();
      await expectHeading(page, new RegExp(`^${application}`));
      const applicationUrl = new URL(page.url()).pathname;
      const section = main.getByRole('region', { name: 'Afhankelijkheden' });
      await section.getByRole('region', { name: /^Wordt gebruikt door/ }).getByRole('link', { name: process }).waitFor();
      await section.getByLabel('Zoek op naam').fill('Kustnet');
      await section.getByRole('radio', { name: new RegExp(KUSTNET.replace(/\./g, '\\.')) }).check();
      await section.getByLabel('Soort afhankelijkheid').selectOption('gehost_bij');
      await section.getByRole('button', { name: 'Afhankelijkheid vastleggen' }).click();
      await section.getByRole('region', { name: /^Hangt af van/ }).getByRole('link', { name: KUSTNET }).waitFor();
      await expectAccessible(page, 'flow: application linked to the supplier');

      // 3. The cascade from the supplier, 48 hours: the imported process is hit beyond its RTO of 8 hours.
      await page.goto(`${baseUrl()}/o/zuidhaven/assets/cascade`);
      await main.getByLabel('Zoek op naam').fill('Kustnet');
      await main.getByRole('radio', { name: new RegExp(`${KUSTNET.replace(/\./g, '\\.')}.*Leverancier`) }).check();
      await main.getByLabel('Verwachte duur van de uitval (uren)').fill('48');
      await main.getByRole('button', { name: 'Cascade tonen' }).click();
      await main.getByRole('heading', { level: 2, name: `Als ${KUSTNET} 48 uur uitvalt` }).waitFor();
      const processes = main.getByRole('table', { name: /Processen geraakt door de uitval van Kustnet/ });
      const row = processes.getByRole('row', { name: new RegExp(process) });
      await expect(row.getByRole('cell').nth(2).textContent()).resolves.toMatch(/^Ja/);
      await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe(`${application} → ${KUSTNET}`);
      await main.getByRole('button', { name: new RegExp(`^Proces: ${process}\\. RTO: 8 uur\\. (RTO|MTD) overschreden\\.`) }).waitFor();
      await expectAccessible(page, 'flow: cascade');

      // 4. A risk on the application, midden (2 × 4), accepted by the CISO.
      await page.goto(`${baseUrl()}/o/zuidhaven/risicos/new`);
      await expectHeading(page, /^Nieuw risico/);
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Domein', { exact: true }).selectOption('digitaal');
      await page.getByLabel('Kans', { exact: true }).selectOption('2');
      await page.getByLabel('Impact', { exact: true }).selectOption('4');
      await page.locator('#risk-inherent-score').getByText('Midden', { exact: true }).waitFor();
      await page.getByLabel('Soort', { exact: true }).selectOption('asset');
      await page.getByLabel('Zoeken op naam').fill(application);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      const found = page.getByLabel('Gevonden', { exact: true });
      await found.locator('option', { hasText: application }).waitFor({ state: 'attached' });
      await found.selectOption((await found.locator('option', { hasText: application }).getAttribute('value'))!);
      await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
      await page.locator('.wb-risk-chosen__item > span').getByText(application, { exact: false }).first().waitFor();
      await page.getByRole('button', { name: 'Risico vastleggen' }).click();
      await page.waitForURL(/\/risicos\/[0-9a-f-]{36}$/);
      await main.getByText('Het risico is vastgelegd.').waitFor();
      await main.getByRole('heading', { level: 3, name: 'Risico accepteren' }).waitFor();
      await page.getByLabel('Functie').fill('CISO');
      await page.getByLabel('Motivering').fill('Terugvalprocedure op papier is beproefd; de leverancier herstelt binnen twee werkdagen.');
      const until = `${new Date().getUTCFullYear() + 1}-06-30`;
      await page.getByLabel('Geldig tot en met').fill(until);
      await page.getByRole('button', { name: 'Risico accepteren' }).click();
      await main.getByText('Het restrisico is geaccepteerd.').waitFor();
      await expectAccessible(page, 'flow: risk accepted');

      // The application's page lists the risk.
      await page.goto(`${baseUrl()}${applicationUrl}`);
      const linked = main.locator('section', { has: page.getByRole('heading', { level: 2, name: "Risico's", exact: true }) });
      await linked.getByRole('link', { name: title }).waitFor();
      await settle(page);
    } finally {
      await context.close();
    }
  });
});

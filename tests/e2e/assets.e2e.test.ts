/**
 * Browser test for the asset pages, every page visited checked with axe-core (WCAG 2.1 A/AA): the
 * CISO filters the object list (filters in the URL, the privacy officer's categories column), opens
 * the pumping station, edits how remote access works, tries to delete it (the 409 lists what depends
 * on it; the object is kept), records a process with BIA figures (the server's RTO > MTD error shown
 * at its field first), then previews a bad XLSX (errors by sheet!cell) and a good one built here with
 * exceljs (with a dependencies sheet), and imports it; the new objects and their links exist.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, CISO, expectAccessible, expectHeading, fillCredentials, newPage, settle, useBrowserAndServer } from './support';

useBrowserAndServer();

const ORG = 'zuidhaven';
const GEMAAL = 'Gemaal Zuiderzeedijk';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['Soort', 'Naam', 'Omschrijving', 'Kritikaliteit', 'Persoonsgegevens', 'RTO (uren)', 'RPO (uren)', 'MTD (uren)', 'OT-soort', 'Toegang op afstand'];

const LINK_HEADERS = ['Van-type', 'Van', 'Naar-type', 'Naar', 'Soort afhankelijkheid', 'Toelichting'];

/** An XLSX in the export's format (sheet "Objecten", columns found by their headers; "Afhankelijkheden" when given). */
async function workbook(rows: Array<Array<string | number | null>>, links?: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Objecten');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  if (links) {
    const linkSheet = book.addWorksheet('Afhankelijkheden');
    linkSheet.addRow(LINK_HEADERS);
    for (const row of links) linkSheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

describe('assets', () => {
  it('CISO filters objects, edits the pumping station, records a process with BIA and imports a sheet', { timeout: 90_000 }, async () => {
    const { context, page } = await newPage();
    const stamp = Date.now();
    const processName = `Parkeervergunningen ${stamp}`;
    const imported = `Leerlingenvervoer ${stamp}`;
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(new RegExp(`/o/${ORG}$`));
      const main = page.getByRole('main');

      // The list, then filters: kind OT — the URL keeps them and the OT columns appear.
      await nav(page).getByRole('link', { name: 'Objecten', exact: true }).click();
      await expectHeading(page, /^Objecten/);
      await main.getByText(/^\d+ objecten gevonden; \d+ getoond\.$/).waitFor();
      await expectAccessible(page, 'assets list');
      await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Operationele technologie (OT)' });
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await page.waitForURL(/[?&]kind=ot/);
      await main.getByText('4 objecten gevonden; 4 getoond.').waitFor();
      const table = main.getByRole('table');
      await table.getByRole('columnheader', { name: 'Toegang op afstand' }).waitFor();
      await expect(table.getByRole('link', { name: 'Paspoorten en rijbewijzen' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'assets list: OT');

      // The privacy officer's view straight from the URL: with personal data, the categories column.
      await page.goto(`${baseUrl()}/o/${ORG}/assets?personalData=true&q=uitkeringen`);
      await expectHeading(page, /^Objecten/);
      await main.getByText(/^\d+ objecten? gevonden; \d+ getoond\.$/).waitFor();
      await table.getByRole('columnheader', { name: 'Categorieën persoonsgegevens' }).waitFor();
      const uitkeringen = table.getByRole('row', { name: /Uitkeringen verstrekken/ });
      await expect(uitkeringen.textContent()).resolves.toContain('BSN');
      expect(await page.getByLabel('Persoonsgegevens', { exact: true }).inputValue()).toBe('true');
      await expectAccessible(page, 'assets list: personal data');

      // Search for the pumping station and open it.
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await page.getByLabel(/^Zoeken op naam/).fill('gemaal');
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await page.waitForURL(/[?&]q=gemaal/);
      await table.getByRole('link', { name: GEMAAL }).click();
      await expectHeading(page, new RegExp(`^${GEMAAL}`));
      await main.getByRole('heading', { name: 'Object wijzigen' }).waitFor();
      // OT fields only: no BIA, no software.
      await expect(page.getByLabel('RTO (uren)').count()).resolves.toBe(0);
      await expect(page.getByLabel('Leverancier software').count()).resolves.toBe(0);
      await expectAccessible(page, 'asset: gemaal');

      // Edit an OT field: how remote access works.
      const how = 'VPN van de leverancier met MFA; het 4G-modem is verwijderd.';
      await page.getByLabel('Hoe verloopt toegang op afstand?').fill(how);
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await main.getByText('De wijzigingen zijn opgeslagen.').waitFor();
      await main.locator('.wb-datalist').getByText(how).waitFor();
      await expectAccessible(page, 'asset: gemaal saved');

      // Delete: something depends on it — the 409's list and the choice; the object is kept.
      await page.getByRole('button', { name: 'Object verwijderen' }).click();
      await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
      const conflict = main.getByRole('alert').filter({ hasText: 'is niet verwijderd' });
      await conflict.getByRole('link', { name: 'Waterkering en gemalen bedienen' }).waitFor();
      await main.getByRole('button', { name: /^Verwijderen met (de koppeling|alle \d+ koppelingen)$/ }).waitFor();
      await expectAccessible(page, 'asset: delete refused');
      await page.getByRole('button', { name: 'Object houden' }).click();
      await expect(conflict.count()).resolves.toBe(0);

      // A new process with BIA figures: RTO longer than MTD is refused at the RTO field, then fixed.
      await nav(page).getByRole('link', { name: 'Objecten', exact: true }).click();
      await expectHeading(page, /^Objecten/);
      await main.getByRole('link', { name: 'Nieuw object' }).click();
      await expectHeading(page, /^Nieuw object/);
      expect(await page.getByLabel('Soort', { exact: true }).inputValue()).toBe('proces');
      await expect(page.getByLabel('OT-soort').count()).resolves.toBe(0);
      await page.getByLabel('Naam', { exact: true }).fill(processName);
      await page.getByLabel('Kritikaliteit').selectOption({ label: 'hoog' });
      await page.getByLabel('Beschikbaarheid').selectOption({ label: 'hoog' });
      await page.getByLabel('Dit object bevat of verwerkt persoonsgegevens').check();
      await page.getByLabel('BSN').check();
      await page.getByLabel('RTO (uren)').fill('96');
      await page.getByLabel('RPO (uren)').fill('8');
      await page.getByLabel('MTD (uren)').fill('48');
      await expectAccessible(page, 'new asset form');
      await page.getByRole('button', { name: 'Object vastleggen' }).click();
      const rto = page.getByLabel('RTO (uren)');
      await main.getByText(/de RTO \(96 uur\) is langer dan de maximaal toelaatbare uitval/).first().waitFor();
      await expect.poll(() => rto.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('asset-rtoHours');
      await expectAccessible(page, 'new asset form: server error');
      await rto.fill('24');
      await page.getByRole('button', { name: 'Object vastleggen' }).click();
      await expectHeading(page, new RegExp(`^${processName}`));
      await main.getByText('Het object is vastgelegd.').waitFor();
      const facts = main.locator('.wb-datalist').first();
      await facts.getByText('24 uur').waitFor();
      await facts.getByText('48 uur').waitFor();
      await facts.getByText('ja: BSN').waitFor();
      await expectAccessible(page, 'asset: new process');

      // Import: a bad file first (its errors with sheet!cell; nothing imported), then a good one.
      await nav(page).getByRole('link', { name: 'Importeren', exact: true }).click();
      await expectHeading(page, /^Objecten importeren/);
      await main.getByRole('link', { name: 'XLSX (met afhankelijkheden)' }).waitFor();
      await expectAccessible(page, 'asset import');
      const file = page.getByLabel('Bestand (XLSX of CSV)');
      await file.setInputFiles({ name: 'fout.xlsx', mimeType: XLSX, buffer: await workbook([['proces', imported, '', 'hoog', 'nee', 'veel', null, null, null, null]]) });
      await page.getByRole('button', { name: 'Controleren', exact: true }).click();
      const problems = main.locator('.wb-problems');
      await problems.getByText('Objecten!F2').waitFor();
      await expect(main.getByRole('button', { name: /importeren$/ }).count()).resolves.toBe(0);
      await expectAccessible(page, 'asset import: errors');

      // Two new objects and a changed one; the links sheet adds two dependencies and keeps the bridge's two.
      const bridge = `Fietsbrug Oosthaven ${stamp}`;
      const scada = 'systeem: SCADA bediening bruggen en gemalen';
      const good = await workbook(
        [
          ['proces', imported, 'Vervoer van leerlingen naar speciaal onderwijs.', 'hoog', 'ja', 48, 24, 96, null, null],
          ['ot', bridge, 'Beweegbare fietsbrug.', 'midden', 'nee', null, null, null, 'brug', 'nee'],
          ['ot', 'Havenbrug', 'Beweegbare brug; bediening vanuit de centrale, onderhoud op afstand via VPN met MFA.', 'hoog', 'nee', null, null, null, 'brug', 'ja'],
        ],
        [
          ['object', `proces: ${imported}`, 'object', 'applicatie: Suite4SociaalDomein', 'gebruikt', ''],
          ['object', `ot: ${bridge}`, 'object', scada, 'afhankelijk_van', 'Bediening vanuit de centrale'],
          ['object', 'ot: Havenbrug', 'object', scada, 'afhankelijk_van', ''],
          ['object', 'proces: Waterkering en gemalen bedienen', 'object', 'ot: Havenbrug', 'gebruikt', ''],
        ],
      );
      await file.setInputFiles({ name: 'objecten.xlsx', mimeType: XLSX, buffer: good });
      await page.getByRole('button', { name: 'Controleren', exact: true }).click();
      await main.getByText(/Voorbeeld: 2 nieuw, 1 gewijzigd, \d+ ongewijzigd\./).waitFor();
      const rows = main.getByRole('table', { name: 'Wijzigingen per rij' });
      await rows.getByRole('row', { name: new RegExp(imported) }).getByText('nieuw', { exact: true }).waitFor();
      await rows.getByRole('row', { name: /Havenbrug/ }).getByText('bijwerken', { exact: true }).waitFor();
      await main.getByText('Afhankelijkheden: 2 toegevoegd, 0 verwijderd, 0 met gewijzigde toelichting, 2 ongewijzigd.').waitFor();
      const links = main.getByRole('table', { name: 'Afhankelijkheden die wijzigen' });
      await expect(links.getByRole('row').count()).resolves.toBe(3);
      await links.getByRole('row', { name: new RegExp(`ot: ${bridge}`) }).getByText('toevoegen', { exact: true }).waitFor();
      await expectAccessible(page, 'asset import: preview');
      await page.getByRole('button', { name: '5 wijzigingen importeren' }).click();
      await main.getByText(/Geïmporteerd: 2 nieuw, 1 bijgewerkt, \d+ ongewijzigd\./).waitFor();
      await expectAccessible(page, 'asset import: done');

      // The imported process is in the list.
      await main.getByRole('link', { name: 'Naar de objecten' }).click();
      await expectHeading(page, /^Objecten/);
      await page.getByLabel(/^Zoeken op naam/).fill(imported);
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await table.getByRole('link', { name: imported }).click();
      await expectHeading(page, new RegExp(`^${imported}`));
      await main.locator('.wb-datalist').first().getByText('96 uur').waitFor();
      await settle(page);
    } finally {
      await context.close();
    }
  });
});

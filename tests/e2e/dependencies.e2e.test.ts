/**
 * Browser test for the dependency graph pages, each checked with axe-core (WCAG 2.1 A/AA):
 * - the CISO of Zuidhaven opens the cascade for the shared hosting party "Kustnet Datacenters B.V."
 *   (found by name) with an outage of 48 hours, sees the affected processes in the graph and in the
 *   table (at least one past its RTO), zooms, chooses a node in the graph with the mouse and with the
 *   keyboard, re-centres the cascade on it, opens that application's page and adds and removes a
 *   dependency there, and opens the supplier concentration with its link back to the cascade;
 * - the CSIRT analyst finds the same supplier by name across the gemeenten (its KvK number links them) and sees
 *   the three demo gemeenten, each with its processes, as a graph and grouped tables.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CISO, expectAccessible, expectHeading, fillCredentials, logout, newPage, openFromNav } from './support';
import { useBrowserAndServer } from './support';

useBrowserAndServer();

const ANALYST = 'analist@csirt.example';
const KUSTNET = 'Kustnet Datacenters B.V.';
const KUSTNET_KVK = '80412375';
const GEMEENTEN = ['Gemeente Zuidhaven', 'Gemeente Noorderveld', 'Gemeente Oostbroek'];
const CASCADE = 'Cascade: wat als dit uitvalt?';

/** A node of the React Flow graph by the text it shows. */
const graphNode = (page: Page, text: string) => page.locator('.react-flow__node').filter({ hasText: text }).first();

describe('dependency graph', () => {
  it('CISO explores the cascade of the hosting party and the concentration; the CSIRT sees it across gemeenten', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(/\/o\/zuidhaven$/);
      await expectHeading(page, /Gemeente Zuidhaven/);
      const main = page.getByRole('main');

      // --- cascade: choose the supplier by name and an outage of 48 hours
      await openFromNav(page, 'Cascade', CASCADE);
      await expectAccessible(page, 'cascade (empty)');
      await main.getByLabel('Zoek op naam').fill('Kustnet');
      const kustnet = main.getByRole('radio', { name: new RegExp(`${KUSTNET.replace(/\./g, '\\.')}.*Leverancier`) });
      await kustnet.check();
      await main.getByLabel('Verwachte duur van de uitval (uren)').fill('48');
      await main.getByRole('button', { name: 'Cascade tonen' }).click();
      await page.waitForURL(/\/assets\/cascade\?node=supplier%3A[0-9a-f-]{36}&hours=48$/);
      await main.getByRole('heading', { level: 2, name: `Als ${KUSTNET} 48 uur uitvalt` }).waitFor();

      // the graph: the failed supplier marked, processes past their RTO marked in text, a node per item
      await page.locator('.react-flow__node').first().waitFor();
      const start = graphNode(page, KUSTNET);
      await expect(start.textContent()).resolves.toContain('Uitgevallen');
      // a node's accessible name is what it shows, with punctuation and the distance for screen readers
      await main.getByRole('button', { name: 'Leverancier: Kustnet Datacenters B.V. Uitgevallen. Valt uit, naar verwachting 48 uur.' }).waitFor();
      await main.getByRole('button', { name: 'Proces: Afvalinzameling. RTO: 24 uur. RTO overschreden. 2 stappen van de uitval.' }).waitFor();
      await expect(graphNode(page, 'Afvalinzameling').textContent()).resolves.toContain('RTO overschreden');
      await expect(graphNode(page, 'Burgerzaken: aangifte geboorte en overlijden').textContent()).resolves.toContain('MTD overschreden');
      await expect(graphNode(page, 'Paspoorten en rijbewijzen').textContent()).resolves.toContain('Binnen RTO');
      expect(await page.locator('.wb-graph-node--danger').count()).toBeGreaterThan(0);
      expect(await page.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(10);
      expect(await page.locator('.react-flow__edge').count()).toBeGreaterThanOrEqual(10);

      // the table: the same processes, worst first, with "RTO overschreden" yes/no and the path
      const processes = main.getByRole('table', { name: /Processen geraakt door de uitval van Kustnet/ });
      const row = (name: string) => processes.getByRole('row', { name: new RegExp(name.replace(/[().]/g, '\\$&')) });
      // columns after the process: criticality, RTO, RTO exceeded, path
      await expect(row('Afvalinzameling').getByRole('cell').nth(2).textContent()).resolves.toBe('Ja');
      await expect(row('Afvalinzameling').getByRole('cell').nth(3).textContent()).resolves.toBe('Route- en containerregistratie afval → Kustnet Datacenters B.V.');
      await expect(row('Burgerzaken: aangifte geboorte en overlijden').getByRole('cell').nth(2).textContent()).resolves.toBe('Ja, ook de MTD');
      await expect(row('Burgerzaken: aangifte geboorte en overlijden').getByRole('cell').nth(3).textContent()).resolves.toBe(
        'iBurgerzaken → Burgerzaken Online B.V. → Kustnet Datacenters B.V.',
      );
      await expect(row('Paspoorten en rijbewijzen').getByRole('cell').nth(2).textContent()).resolves.toBe('Nee');
      const exceeded = await processes.getByRole('cell', { name: /^Ja/ }).count();
      expect(exceeded).toBeGreaterThanOrEqual(1);
      await expect(main.getByRole('status').filter({ hasText: 'Dit raakt' }).first().textContent()).resolves.toMatch(
        new RegExp(`Bij ${exceeded} processen duurt de uitval langer dan de RTO`),
      );
      await expectAccessible(page, 'cascade of Kustnet');

      // zoom buttons work (the viewport transform changes)
      const viewport = page.locator('.react-flow__viewport');
      const before = await viewport.getAttribute('style');
      await main.getByRole('button', { name: 'Inzoomen' }).click();
      await page.waitForFunction((b) => document.querySelector('.react-flow__viewport')?.getAttribute('style') !== b, before);

      // click a node: its details, then re-centre the cascade on it
      await graphNode(page, 'iBurgerzaken').click();
      const details = main.getByRole('heading', { level: 4, name: 'iBurgerzaken' });
      await details.waitFor();
      await expectAccessible(page, 'cascade with node details');

      // the keyboard reaches the nodes too: focus one, Enter chooses it
      const suite = graphNode(page, 'Suite4SociaalDomein');
      await suite.focus();
      await page.keyboard.press('Enter');
      await main.getByRole('heading', { level: 4, name: 'Suite4SociaalDomein' }).waitFor();

      // choosing centred the view on Suite4SociaalDomein: fit everything in view again, then choose iBurgerzaken
      await main.getByRole('button', { name: 'Alles in beeld' }).click();
      await graphNode(page, 'iBurgerzaken').click();
      await details.waitFor();
      await main.getByRole('link', { name: 'Cascade vanaf iBurgerzaken' }).click();
      await page.waitForURL(/node=asset%3A[0-9a-f-]{36}&hours=48$/);
      await main.getByRole('heading', { level: 2, name: 'Als iBurgerzaken 48 uur uitvalt' }).waitFor();
      const reCentred = main.getByRole('table', { name: /Processen geraakt door de uitval van iBurgerzaken/ });
      await reCentred.getByRole('row', { name: /Paspoorten en rijbewijzen/ }).waitFor();
      expect(await reCentred.getByRole('row', { name: /Afvalinzameling/ }).count()).toBe(0);

      // --- the dependencies on the asset's own page: both lists, add an edge, remove it, back to the cascade
      await main.getByRole('link', { name: 'Naar de pagina van iBurgerzaken' }).first().click();
      await expectHeading(page, /iBurgerzaken/);
      const section = main.getByRole('region', { name: 'Afhankelijkheden' });
      const dependsOn = section.getByRole('region', { name: /^Hangt af van/ });
      const usedBy = section.getByRole('region', { name: /^Wordt gebruikt door/ });
      await dependsOn.getByRole('link', { name: 'Burgerzaken Online B.V.' }).waitFor();
      await usedBy.getByRole('link', { name: 'Paspoorten en rijbewijzen' }).waitFor();
      const edgesBefore = await dependsOn.getByRole('listitem').count();
      await section.getByLabel('Zoek op naam').fill('Firewall');
      await section.getByRole('radio', { name: /Firewall en VPN-gateway/ }).check();
      await section.getByLabel('Soort afhankelijkheid').selectOption('afhankelijk_van');
      await section.getByRole('button', { name: 'Afhankelijkheid vastleggen' }).click();
      await section.getByRole('status').filter({ hasText: '‘iBurgerzaken afhankelijk van Firewall en VPN-gateway’ is vastgelegd' }).waitFor();
      await dependsOn.getByRole('link', { name: 'Firewall en VPN-gateway' }).waitFor();
      expect(await dependsOn.getByRole('listitem').count()).toBe(edgesBefore + 1);
      await expectAccessible(page, 'asset page with its dependencies');
      await dependsOn.getByRole('button', { name: 'Verwijderen iBurgerzaken afhankelijk van Firewall en VPN-gateway' }).click();
      await section.getByRole('status').filter({ hasText: 'is verwijderd' }).waitFor();
      await dependsOn.getByRole('link', { name: 'Firewall en VPN-gateway' }).waitFor({ state: 'detached' });
      await section.getByRole('link', { name: 'Wat als dit uitvalt?' }).click();
      await main.getByRole('heading', { level: 2, name: 'Als iBurgerzaken 24 uur uitvalt' }).waitFor();

      // --- concentration: Kustnet carries the most critical processes; its link opens its cascade
      await openFromNav(page, 'Concentratie', 'Concentratie bij leveranciers');
      const suppliers = main.getByRole('table', { name: 'Leveranciers, de meeste kritieke processen eerst' });
      const first = suppliers.getByRole('row').nth(1);
      await expect(first.getByRole('rowheader').textContent()).resolves.toBe(KUSTNET);
      expect(Number(await first.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(3);
      await expectAccessible(page, 'concentration');
      await first.getByRole('link', { name: `Wat als deze uitvalt? ${KUSTNET}` }).click();
      await expectHeading(page, CASCADE);
      await main.getByRole('heading', { level: 2, name: `Als ${KUSTNET} 24 uur uitvalt` }).waitFor();

      // --- the CSIRT analyst: the same supplier across the connected gemeenten
      await logout(page);
      await fillCredentials(page, ANALYST);
      await page.waitForURL(/\/o\/csirt-gemeenten$/);
      await openFromNav(page, 'Over gemeenten heen', 'Uitval van een leverancier over gemeenten heen');
      await expectAccessible(page, 'across (empty)');
      // found by name among the gemeenten's suppliers; choosing fills in its KvK number
      await main.getByLabel('Naam of KvK-nummer').fill('kustnet');
      await main.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await main.getByRole('button', { name: new RegExp(`KvK ${KUSTNET_KVK}\\), bij 3 gemeenten: kiezen$`) }).click();
      await page.waitForURL(new RegExp(`/assets/across\\?kvk=${KUSTNET_KVK}&hours=24$`));
      await expect(main.getByLabel('KvK-nummer van de leverancier').inputValue()).resolves.toBe(KUSTNET_KVK);
      await main.getByLabel('Verwachte duur van de uitval (uren)').fill('48');
      await main.getByRole('button', { name: 'Gevolgen tonen' }).click();
      await page.waitForURL(new RegExp(`/assets/across\\?kvk=${KUSTNET_KVK}&hours=48$`));
      await main.getByRole('heading', { level: 2, name: `Als ${KUSTNET} (KvK ${KUSTNET_KVK}) 48 uur uitvalt` }).waitFor();
      for (const gemeente of GEMEENTEN) {
        await main.getByRole('heading', { level: 4, name: gemeente }).waitFor();
        await main.getByRole('table', { name: new RegExp(`Geraakte processen in ${gemeente}`) }).getByRole('row', { name: /Paspoorten en rijbewijzen/ }).waitFor();
        await graphNode(page, gemeente).waitFor();
      }
      await expect(main.getByRole('status').filter({ hasText: 'aangesloten gemeenten' }).first().textContent()).resolves.toMatch(
        /Van de 3 aangesloten gemeenten gebruiken er 3 deze leverancier; bij 3 worden processen geraakt/,
      );
      // the overview shows the worst 5 of a gemeente's 6 processes; the analyst asks for all of them
      const zuidhavenTable = main.getByRole('table', { name: /Geraakte processen in Gemeente Zuidhaven/ });
      await expect(zuidhavenTable.getByRole('caption').textContent()).resolves.toContain('de 5 ernstigste van 6');
      await expect(zuidhavenTable.locator('tbody tr').count()).resolves.toBe(5);
      await main.getByRole('button', { name: 'Alle 6 geraakte processen in Gemeente Zuidhaven tonen' }).click();
      await zuidhavenTable.locator('tbody tr').nth(5).waitFor();
      await expect(zuidhavenTable.getByRole('caption').textContent()).resolves.not.toContain('ernstigste van');
      await expect(main.getByRole('button', { name: 'Alle 6 geraakte processen in Gemeente Zuidhaven tonen' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'across gemeenten for Kustnet');
    } finally {
      await context.close();
    }
  });
});

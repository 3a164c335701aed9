/**
 * Browser test for the compliance pages: frameworks with derived compliance, a measure linked to two
 * requirements (mostly with the keyboard), its provenance on the framework page, editing its status
 * and deleting it. Every page visited is checked with axe-core against WCAG 2.1 A/AA.
 *
 * The demo server loads the shipped catalogs; the test takes whatever GET /frameworks returns (the
 * first framework with at least two assessable requirements), so it does not depend on their content.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CISO, expectAccessible, expectHeading, fillCredentials, logout, newPage, openFromNav, settle, useBrowserAndServer } from './support';

useBrowserAndServer();

interface Framework {
  id: string;
  name: string;
  licence: string;
  requirementCount: number;
}

interface Requirement {
  ref: string;
  title: string;
  assessable: boolean;
  status: string;
}

interface MappingSet {
  id: string;
  source: string;
  target: string;
}

interface Coverage {
  summary: { total: number; voldoet: number; voldoet_deels: number; voldoet_niet: number; niet_beoordeeld: number };
  items: Array<{ ref: string; result: string; sources: Array<{ measure: { title: string }; via: string; mapping: { mappingSet: string } | null }> }>;
}

/** GET on the API with the page's session (the cookie is HttpOnly, so the request runs in the page). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }, `/api/v1${path}`);
}

const COMPLIANCE = /^Compliance \(BIO2, Cbw, ENSIA\)/;

/** The table row of one requirement on a framework page. */
const requirementRow = (page: Page, ref: string): Locator => page.locator(`tr[id="req-${ref}"]`);

/** Opens a framework from the compliance overview and narrows its requirements to one ref. */
async function openFramework(page: Page, framework: Framework): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: COMPLIANCE }).click();
  await expectHeading(page, COMPLIANCE);
  await page.getByRole('main').getByRole('link', { name: framework.name, exact: true }).click();
  await expectHeading(page, framework.name);
  await settle(page);
}

async function filterRequirements(page: Page, text: string): Promise<void> {
  const filter = page.getByLabel('Filter op nummer of titel');
  await filter.fill(text);
  await page.getByText(/^\d+ van \d+ eisen getoond\.$/).waitFor();
}

/** Opens "Waar komt dit vandaan?" in a row with the keyboard and returns its contents. */
async function openProvenance(row: Locator): Promise<Locator> {
  const summary = row.locator('summary');
  await summary.focus();
  await summary.press('Enter');
  const details = row.locator('details');
  await expect.poll(() => details.getAttribute('open')).not.toBeNull();
  return details;
}

describe('compliance', () => {
  it('CISO records a measure, sees where its compliance comes from, edits and deletes it', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage();
    const title = `Informatiebeveiligingsbeleid vastgesteld ${Date.now()}`;
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(/\/o\/zuidhaven$/);
      await expectHeading(page, /Gemeente Zuidhaven/);

      // The library as the server has it (the demo has measures of its own): take the first framework
      // with two assessable requirements that nothing answers yet, directly or through a mapping —
      // preferring, where the library has mapping sets, one whose first requirement is mapped, so the
      // provenance through a mapping is seen as well.
      const frameworks = (await apiGet<{ items: Framework[] }>(page, '/frameworks')).items;
      const mapped = new Set<string>();
      for (const set of (await apiGet<{ items: MappingSet[] }>(page, '/mapping-sets')).items) {
        const rows = (await apiGet<{ rows: Array<{ source: string; target: string }> }>(page, `/mapping-sets/${encodeURIComponent(set.id)}`)).rows;
        for (const row of rows) mapped.add(`${set.source}|${row.source}`).add(`${set.target}|${row.target}`);
      }
      const candidates: Array<{ fw: Framework; first: Requirement; second: Requirement; before: Coverage; viaMapping: boolean }> = [];
      for (const candidate of frameworks.filter((item) => item.requirementCount >= 2)) {
        const id = encodeURIComponent(candidate.id);
        const detail = await apiGet<{ requirements: Requirement[] }>(page, `/frameworks/${id}`);
        const coverage = await apiGet<Coverage>(page, `/organisations/zuidhaven/frameworks/${id}/coverage`);
        const unanswered = new Set(coverage.items.filter((item) => item.sources.length === 0).map((item) => item.ref));
        const open = detail.requirements.filter((r) => r.assessable && r.status === 'active' && unanswered.has(r.ref));
        if (open.length < 2) continue;
        const first = open.find((r) => mapped.has(`${candidate.id}|${r.ref}`)) ?? open[0];
        const second = open.find((r) => r !== first)!;
        candidates.push({ fw: candidate, first, second, before: coverage, viaMapping: mapped.has(`${candidate.id}|${first.ref}`) });
      }
      const picked = candidates.find((candidate) => candidate.viaMapping) ?? candidates[0];
      expect(picked, 'a framework with two requirements that nothing answers yet').toBeTruthy();
      const { fw, first, second, before, viaMapping } = picked;

      // Overview: every framework with its licence and the organisation's coverage, as text and bar.
      await openFromNav(page, COMPLIANCE, COMPLIANCE);
      const main = page.getByRole('main');
      expect(await main.getByText('Nog niet beschikbaar').count()).toBe(0);
      for (const item of frameworks) await main.getByRole('link', { name: item.name, exact: true }).waitFor();
      await expect.poll(() => main.locator('.wb-coverage').count()).toBe(frameworks.length);
      await main.getByText(/^Voldoet: \d+ van \d+ eisen? \(\d+%\)\.$/).first().waitFor();
      await expectAccessible(page, 'compliance overview');

      // Framework page: licence visible, requirements tree, nothing answered yet.
      await main.getByRole('link', { name: fw.name, exact: true }).click();
      await expectHeading(page, fw.name);
      await main.getByText(fw.licence, { exact: true }).first().waitFor();
      await page.getByRole('heading', { level: 2, name: 'Eisen' }).waitFor();
      await requirementRow(page, first.ref).waitFor();
      await expectAccessible(page, 'framework');
      await filterRequirements(page, first.ref);
      const emptyProvenance = await openProvenance(requirementRow(page, first.ref));
      await emptyProvenance.getByText('Nog geen maatregel beantwoordt deze eis.').waitFor();
      await expectAccessible(page, 'framework: filtered, provenance open');

      // Measures: the list (search and status filter), then the form.
      await openFromNav(page, 'Maatregelen', /^Maatregelen/);
      await main.getByText(/^(\d+ maatregel(en)? getoond\.|Er zijn nog geen maatregelen vastgelegd\.)$/).waitFor();
      await expectAccessible(page, 'measures');
      await page.getByLabel('Status', { exact: true }).selectOption('vervallen');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await main.getByText(/^(\d+ maatregel(en)? getoond\.|Geen maatregelen gevonden\.)$/).waitFor();
      await expectAccessible(page, 'measures (filtered)');
      await main.getByRole('link', { name: 'Nieuwe maatregel' }).click();
      await expectHeading(page, /^Nieuwe maatregel/);

      // Title and description with the keyboard.
      await page.getByLabel('Titel', { exact: true }).focus();
      await page.keyboard.type(title);
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('measure-description');
      await page.keyboard.type('Vastgesteld door het college; jaarlijks herzien.');
      await page.getByLabel('Status', { exact: true }).selectOption('geimplementeerd');

      // Link two requirements: framework, search, then the "Koppelen" button with Enter.
      await page.getByLabel('Raamwerk', { exact: true }).selectOption(fw.id);
      const search = page.getByLabel('Zoek een eis op nummer of titel');
      for (const requirement of [first, second]) {
        await search.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(requirement.ref);
        // Enter in the search field only searches; it does not submit the measure.
        await page.keyboard.press('Enter');
        const link = page.getByRole('button', { name: `Koppelen ${fw.name} ${requirement.ref}`, exact: true });
        await link.focus();
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText(`${fw.name} ${requirement.ref} gekoppeld.`).waitFor({ state: 'attached' });
        // Focus is back in the search field for the next one.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('measure-search');
      }
      expect(page.url()).toMatch(/\/compliance\/measures\/new$/);
      await page.getByRole('list', { name: '2 gekoppelde eisen' }).waitFor();
      await page.getByLabel(`Dekking ${fw.name} ${second.ref}`).selectOption('partial');
      await expectAccessible(page, 'new measure form');

      await page.getByRole('button', { name: 'Maatregel vastleggen' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/compliance\/measures\/[0-9a-f-]{36}$/);
      await expectHeading(page, title);
      await page.getByText('De maatregel is vastgelegd.').waitFor();
      await expectAccessible(page, 'measure (created)');

      // The framework page counts it, with where the result comes from.
      await openFramework(page, fw);
      await main
        .getByText(`Voldoet: ${before.summary.voldoet + 1} van ${before.summary.total} eisen`, { exact: false })
        .first()
        .waitFor();
      await filterRequirements(page, first.ref);
      const firstRow = requirementRow(page, first.ref);
      await firstRow.getByText('Voldoet', { exact: true }).waitFor();
      const firstSources = await openProvenance(firstRow);
      await firstSources.getByRole('link', { name: title }).waitFor();
      await firstSources.getByText('direct gekoppeld').waitFor();
      await firstSources.getByText('Volledig', { exact: true }).waitFor();
      await firstSources.getByText('Ja, de maatregel is geïmplementeerd').waitFor();
      await expectAccessible(page, 'framework: measure counted, provenance open');

      await filterRequirements(page, second.ref);
      const secondRow = requirementRow(page, second.ref);
      await secondRow.getByText('Voldoet deels', { exact: true }).waitFor();
      const secondSources = await openProvenance(secondRow);
      await secondSources.getByText('Gedeeltelijk', { exact: true }).waitFor();

      // Filter by result.
      await page.getByLabel('Filter op nummer of titel').fill('');
      await page.getByLabel('Resultaat', { exact: true }).selectOption('voldoet');
      await requirementRow(page, first.ref).waitFor();
      expect(await requirementRow(page, second.ref).count()).toBe(0);
      await expectAccessible(page, 'framework: filtered by result');

      // Assess once, comply many: where a mapping carries the measure to another framework, that page says so.
      let seenViaMapping = false;
      for (const other of frameworks.filter((candidate) => candidate.id !== fw.id)) {
        const coverage = await apiGet<Coverage>(page, `/organisations/zuidhaven/frameworks/${encodeURIComponent(other.id)}/coverage`);
        const item = coverage.items.find((entry) => entry.sources.some((source) => source.measure.title === title && source.via === 'mapping'));
        if (!item) continue;
        await openFramework(page, other);
        await filterRequirements(page, item.ref);
        const sources = await openProvenance(requirementRow(page, item.ref));
        await sources.getByRole('link', { name: title }).waitFor();
        await sources.getByText('koppeltabel').first().waitFor();
        await sources.getByText(`${fw.name} ${first.ref}`, { exact: false }).first().waitFor();
        await sources.getByText(/^(gelijk|deel van|omvat|overlapt)$/).first().waitFor();
        await expectAccessible(page, `framework ${other.name}: provenance via mapping`);
        seenViaMapping = true;
        break;
      }
      if (viaMapping) expect(seenViaMapping, `${fw.name} ${first.ref} is mapped, so another framework counts the measure`).toBe(true);

      // Edit the status: no longer implemented, so the requirement no longer complies.
      await openFramework(page, fw);
      await filterRequirements(page, first.ref);
      await (await openProvenance(requirementRow(page, first.ref))).getByRole('link', { name: title }).click();
      await expectHeading(page, title);
      await page.getByLabel('Status', { exact: true }).selectOption('in_uitvoering');
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
      await expectAccessible(page, 'measure (edited)');

      await openFramework(page, fw);
      await filterRequirements(page, first.ref);
      await requirementRow(page, first.ref).getByText('Voldoet niet', { exact: true }).waitFor();
      const notCounting = await openProvenance(requirementRow(page, first.ref));
      await notCounting.getByText('Nee, de maatregel is nog niet geïmplementeerd').waitFor();

      // Delete it, after confirming.
      await openFromNav(page, 'Maatregelen', /^Maatregelen/);
      await main.getByRole('table').getByRole('link', { name: title }).click();
      await expectHeading(page, title);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Maatregel verwijderen' }).click();
      await page.waitForURL(/\/compliance\/measures$/);
      await main.getByText(`Maatregel ‘${title}’ is verwijderd.`).waitFor();
      await page.getByLabel('Zoeken op titel of beschrijving').fill(title);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await main.getByText('Geen maatregelen gevonden.').waitFor();
      await expectAccessible(page, 'measures (after delete)');

      await openFramework(page, fw);
      await filterRequirements(page, first.ref);
      await requirementRow(page, first.ref).getByText('Niet beoordeeld', { exact: true }).waitFor();

      // Mapping sets: the list and one set's rows.
      await openFromNav(page, 'Koppeltabellen', /^Koppeltabellen/);
      await settle(page);
      const sets = await apiGet<{ items: Array<{ id: string }> }>(page, '/mapping-sets');
      if (sets.items.length > 0) {
        await main.getByRole('table').waitFor();
        await expectAccessible(page, 'mapping sets');
        await main.getByRole('table').getByRole('link').first().click();
        await page.getByRole('heading', { level: 2, name: 'Regels' }).waitFor();
        await main.getByRole('table').waitFor();
        await expectAccessible(page, 'mapping set');
      } else {
        await expectAccessible(page, 'mapping sets (none)');
      }

      await logout(page);
    } finally {
      await context.close();
    }
  });
});

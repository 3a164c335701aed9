/**
 * Browser test for the incident register (issue #6, first slice): the CISO of Zuidhaven sees the demo
 * ransomware incident with its next deadline, sees an incident whose early warning is overdue marked red,
 * records a ransomware incident (aware five hours ago), answers the two legal questions (Cbw significant:
 * ja; AVG datalek: ja with categories and numbers), sees the three deadlines with their due times in
 * Dutch time computed here from the moment entered, opens the early warning, saves the draft, sends it to
 * the CSIRT and sees the deadline done; the CSIRT's analyst finds it under "Meldingen van gemeenten",
 * acknowledges it and asks a question, which the CISO sees on the incident page and answers; then adds a timeline entry and a task, corrects the moment of
 * awareness (with a reason; the deadlines move), marks it handled, and opens the closed demo data breach
 * (also in English). axe-core (WCAG 2.1 A/AA) on the list, the new form, the incident page, the CSIRT's
 * inbox and notification page and the incident's CSIRT section.
 */
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CISO, expectAccessible, expectHeading, fillCredentials, logout, newPage, openFromNav, useBrowserAndServer } from './support';

useBrowserAndServer();

const ORG = '/organisations/zuidhaven';
const AUDITOR = 'auditor@zuidhaven.example';
const ANALIST = 'analist@csirt.example';
const ZONE = 'Europe/Amsterdam';

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

async function apiOk<T>(page: Page, method: string, path: string, body: unknown, status: number): Promise<T> {
  const response = await api<T>(page, method, path, body);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

/** How the incident pages write a moment: Dutch weekday, day, month, year and time in Amsterdam. */
const shown = (instant: DateTime) => instant.setZone(ZONE).setLocale('nl').toFormat('ccc d LLL yyyy HH:mm');

describe('incident register', () => {
  it('CISO records a ransomware incident, answers the legal questions, sees three deadlines and sends the early warning', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage();
    const title = `Ransomware op de werkplekken van Burgerzaken ${Date.now()}`;
    const lateTitle = `Storing aan de website na aanval ${Date.now()}`;
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(/\/o\/zuidhaven$/);
      await expectHeading(page, /Gemeente Zuidhaven/);
      const main = page.getByRole('main');

      // An incident whose early warning is two hours overdue: aware 26 hours ago, significant under the Cbw.
      const lateAware = DateTime.now().minus({ hours: 26 });
      const late = await apiOk<{ id: string }>(
        page,
        'POST',
        `${ORG}/incidents`,
        { title: lateTitle, category: 'ddos', severity: 'midden', awareAt: lateAware.toISO() },
        201,
      );
      await apiOk(page, 'PUT', `${ORG}/incidents/${late.id}/legal/cbw`, { significant: true, reason: 'De website en het digitale loket liggen een dag plat.' }, 200);

      // The register: the overdue incident first, red and with the words; the demo ransomware incident
      // (aware 60 hours before the demo was loaded) with its incident notification due in about 12 hours.
      await openFromNav(page, /^Incidenten & meldplicht/, /^Incidenten/);
      const table = main.getByRole('table', { name: 'Incidentregister' });
      await table.waitFor();
      const lateRow = table.locator('tbody tr', { has: page.getByRole('link', { name: lateTitle }) });
      await lateRow.getByText('(termijn verstreken)').waitFor();
      await lateRow.getByText('Vroegtijdige waarschuwing:').waitFor();
      await lateRow.getByText('2 uur te laat').waitFor();
      expect(await lateRow.getAttribute('class')).toContain('wb-incident-row--overdue');
      const red = await lateRow.locator('.wb-incident-deadline--overdue').first().evaluate((el) => getComputedStyle(el).color);
      expect(red).not.toBe(await table.locator('thead th').first().evaluate((el) => getComputedStyle(el).color));
      expect(await table.locator('tbody tr').first().getByRole('link').textContent()).toBe(lateTitle);
      const demoRow = table.locator('tbody tr', { has: page.getByRole('link', { name: 'Ransomware bij Kustnet Datacenters: virtuele servers versleuteld' }) });
      await demoRow.getByText('Incidentmelding:').waitFor();
      expect(await demoRow.textContent()).toMatch(/over 1[12] uur/);
      expect(await demoRow.getAttribute('class')).not.toContain('overdue');
      await expectAccessible(page, 'incident register');

      // A new ransomware incident, aware five hours ago (Dutch time, to the minute).
      const aware = DateTime.now().setZone(ZONE).minus({ hours: 5 }).startOf('minute');
      await main.getByRole('link', { name: 'Nieuw incident' }).click();
      await expectHeading(page, /^Nieuw incident/);
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Soort incident', { exact: true }).selectOption('ransomware');
      await page.getByLabel('Ernst', { exact: true }).selectOption('hoog');
      await page.getByLabel('Wat is er gebeurd', { exact: true }).fill('Op twaalf werkplekken van Burgerzaken zijn bestanden versleuteld; er staat een losgeldbericht op het scherm.');
      await page.getByLabel('Gevolgen', { exact: true }).fill('De balie van Burgerzaken kan geen paspoorten en rijbewijzen uitgeven.');
      await page.getByLabel('Moment van bewustwording', { exact: true }).fill(aware.toFormat("yyyy-LL-dd'T'HH:mm"));
      await page.getByLabel('Zoek op naam', { exact: true }).fill('Kustnet');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByRole('radio', { name: /^Kustnet Datacenters B\.V\./ }).check();
      await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
      await main.locator('li', { hasText: 'Kustnet Datacenters B.V.' }).getByRole('button', { name: /^Ontkoppelen/ }).waitFor();
      await expectAccessible(page, 'new incident form');
      await page.getByRole('button', { name: 'Incident vastleggen' }).click();
      await page.waitForURL(/\/incidenten\/[0-9a-f-]{36}$/);
      await expectHeading(page, new RegExp(title));
      await main.getByText('Het incident is vastgelegd.', { exact: false }).waitFor();
      await main.getByText('De juridische vragen hieronder bepalen welke meldtermijnen gelden', { exact: false }).waitFor();
      expect(await main.locator('[data-deadline]').count()).toBe(0);

      // The two legal questions.
      const cbwForm = main.getByRole('form', { name: 'Antwoord op de Cbw-vraag' });
      await cbwForm.getByRole('radio', { name: /^Ja, het is significant/ }).check();
      await cbwForm.getByLabel('Afweging').fill('De balie van Burgerzaken ligt stil: ernstige verstoring van de dienstverlening.');
      await cbwForm.getByRole('button', { name: 'Antwoord vastleggen' }).click();
      const cbwSection = main.locator('section', { has: page.getByRole('heading', { level: 3, name: /significant incident onder de Cyberbeveiligingswet/ }) });
      await cbwSection.getByText('Het antwoord is vastgelegd.', { exact: false }).waitFor();
      await cbwSection.getByText(/^Beantwoord door .+ op \w{2} \d{1,2} \w+ \d{4} \d{2}:\d{2}\./).waitFor();

      const avgForm = main.getByRole('form', { name: 'Antwoord op de AVG-vraag' });
      await avgForm.getByRole('radio', { name: /^Ja, het is een datalek/ }).check();
      await avgForm.getByLabel('Afweging').fill('Op de werkplekken stonden scans van identiteitsbewijzen van aanvragers; die zijn versleuteld en mogelijk weggenomen.');
      await avgForm.getByLabel('Naam, adres en woonplaats').check();
      await avgForm.getByLabel('Kopie identiteitsbewijs').check();
      await avgForm.getByLabel('Geschat aantal betrokkenen (personen)').fill('1200');
      await avgForm.getByLabel('Geschat aantal registraties (records)').fill('3400');
      await avgForm.getByLabel('Waarschijnlijke gevolgen voor de betrokkenen').fill('Identiteitsfraude met de gegevens van de identiteitsbewijzen.');
      await avgForm.getByRole('group', { name: /Moeten de betrokkenen worden ingelicht/ }).getByRole('radio', { name: 'Ja', exact: true }).check();
      await avgForm.getByRole('button', { name: 'Antwoord vastleggen' }).click();
      const avgSection = main.locator('section', { has: page.getByRole('heading', { level: 3, name: /datalek\) onder de AVG/ }) });
      await avgSection.getByText('Categorieën: Naam, adres en woonplaats, Kopie identiteitsbewijs').waitFor();
      await avgSection.getByText('Ongeveer 1200 betrokkenen en 3400 registraties.').waitFor();

      // Three deadlines, their due times computed here from the moment entered.
      const expected = [
        { id: 'early-warning', name: 'Vroegtijdige waarschuwing', due: aware.plus({ hours: 24 }), rule: '24 uur na bewustwording' },
        { id: 'incident-notification', name: 'Incidentmelding', due: aware.plus({ hours: 72 }), rule: '72 uur na bewustwording' },
        { id: 'data-breach-notification', name: 'Melding datalek aan de Autoriteit Persoonsgegevens', due: aware.plus({ hours: 72 }), rule: '72 uur na bewustwording' },
      ];
      await main.locator('[data-deadline="data-breach-notification"]').waitFor();
      expect(await main.locator('[data-deadline]').count()).toBe(3);
      expect(await main.getByText('De juridische vragen hieronder bepalen', { exact: false }).count()).toBe(0);
      for (const deadline of expected) {
        const item = main.locator(`[data-deadline="${deadline.id}"]`);
        await item.getByRole('heading', { level: 3, name: deadline.name, exact: true }).waitFor();
        await item.getByText(shown(deadline.due), { exact: true }).waitFor();
        await item.getByText(deadline.rule, { exact: true }).waitFor();
        await item.getByText('Open', { exact: true }).waitFor();
      }
      // 24 hours after an awareness moment five hours (and a few seconds) ago: 18 whole hours left.
      await main.locator('[data-deadline="early-warning"]').getByText('over 18 uur', { exact: true }).waitFor();
      await main.locator('[data-deadline="data-breach-notification"]').getByText('de Autoriteit Persoonsgegevens', { exact: true }).waitFor();
      await expectAccessible(page, 'incident with deadlines');

      // Open the early warning, edit a field, save the draft, send it to the CSIRT.
      const report = main.locator('section.wb-incident-report', { has: page.getByRole('heading', { level: 3, name: 'Vroegtijdige waarschuwing' }) });
      await report.getByRole('button', { name: /^Melding openen/ }).click();
      await report.getByLabel('Organisatie', { exact: true }).waitFor();
      expect(await report.getByLabel('Organisatie', { exact: true }).inputValue()).toBe('Gemeente Zuidhaven');
      expect(await report.getByLabel('Kenmerk incident', { exact: true }).inputValue()).toMatch(/^I-\d{4}-\d{3}$/);
      await report.getByLabel('Mogelijke grensoverschrijdende gevolgen', { exact: true }).selectOption('false');
      await report.getByRole('button', { name: 'Concept opslaan' }).click();
      await report.getByText('Het concept is opgeslagen.').waitFor();
      await expectAccessible(page, 'early warning draft');
      await report.getByRole('radio', { name: 'Naar het CSIRT in Weerbaar' }).check();
      await report.getByRole('button', { name: /^Verzenden/ }).click();
      await report.getByText('Vroegtijdige waarschuwing is verzonden.').waitFor();
      const hash = await report.locator('code.wb-incident-hash').textContent();
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      await report.getByText('Naar het CSIRT in Weerbaar', { exact: true }).first().waitFor();
      // the sent content is what was saved: the edited field
      const crossBorder = report.locator('.utrecht-data-list__item', { hasText: 'Mogelijke grensoverschrijdende gevolgen' });
      expect((await crossBorder.locator('.utrecht-data-list__item-value').textContent())?.trim()).toBe('Nee');

      // The deadline is done; the others stay open.
      await main.locator('[data-deadline="early-warning"]').getByText(/^Gedaan op \w{2} \d{1,2} \w+ \d{4} \d{2}:\d{2}$/).waitFor();
      await main.locator('[data-deadline="incident-notification"]').getByText('Open', { exact: true }).waitFor();

      // The CSIRT section: the early warning is in the CSIRT's inbox, received, not yet acknowledged.
      const csirtSection = main.locator('section', { has: page.getByRole('heading', { level: 2, name: 'CSIRT', exact: true }) });
      await csirtSection.getByText('Ontvangen door het CSIRT (CSIRT Gemeenten)', { exact: true }).waitFor();
      expect(await csirtSection.locator('code.wb-csirt-hash').textContent()).toBe(hash);
      const ownIncidentUrl = page.url();
      await logout(page);

      // The CSIRT's analyst opens "Meldingen van gemeenten", opens the early warning, acknowledges it and asks a question.
      await fillCredentials(page, ANALIST);
      await page.waitForURL(/\/o\/csirt-gemeenten$/);
      await openFromNav(page, 'Meldingen van gemeenten', /^Meldingen van gemeenten/);
      const inbox = main.getByRole('table', { name: 'Ontvangen meldingen' });
      await inbox.waitFor();
      const inboxRow = inbox.locator('tbody tr', { hasText: title });
      await inboxRow.getByText('Gemeente Zuidhaven', { exact: true }).waitFor();
      await inboxRow.getByText('Ontvangen', { exact: true }).waitFor();
      await expectAccessible(page, 'CSIRT inbox');
      await inboxRow.getByRole('link', { name: /^Vroegtijdige waarschuwing/ }).click();
      await expectHeading(page, /^Vroegtijdige waarschuwing: Gemeente Zuidhaven/);
      // exactly what was sent: the hash, and the edited field with its Dutch label
      await main.getByText(hash!, { exact: true }).waitFor();
      const sentCrossBorder = main.locator('.utrecht-data-list__item', { hasText: 'Mogelijke grensoverschrijdende gevolgen' });
      expect((await sentCrossBorder.locator('.utrecht-data-list__item-value').textContent())?.trim()).toBe('Nee');
      await expectAccessible(page, 'CSIRT notification');
      await main.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
      await main.getByText('De ontvangst is bevestigd', { exact: false }).waitFor();
      expect(await main.getByRole('button', { name: 'Ontvangst bevestigen' }).count()).toBe(0);
      const question = 'Is er al bekend via welke weg de aanvaller binnenkwam?';
      await page.getByLabel('Uw bericht').fill(question);
      await main.getByRole('button', { name: 'Bericht versturen' }).click();
      await main.getByText('Het bericht is verstuurd.').waitFor();
      await main.locator('ol.wb-csirt-thread > li', { hasText: question }).waitFor();
      await expectAccessible(page, 'CSIRT notification after acknowledging');
      await logout(page);

      // Back as the CISO: the incident page says the CSIRT is handling it, shows the question, and the CISO answers.
      await fillCredentials(page, CISO);
      await page.waitForURL(/\/o\/zuidhaven$/);
      await page.goto(ownIncidentUrl);
      await expectHeading(page, new RegExp(title));
      await csirtSection.getByText(/^In behandeling bij het CSIRT sinds \w{2} \d{1,2} \w+ \d{4} \d{2}:\d{2} door Analist CSIRT$/).waitFor();
      await csirtSection.locator('ol.wb-csirt-thread > li', { hasText: question }).getByText('CSIRT', { exact: true }).waitFor();
      const answer = 'Via een phishingmail met een macro; de afzender is geblokkeerd.';
      await csirtSection.getByLabel('Uw bericht').fill(answer);
      await csirtSection.getByRole('button', { name: 'Bericht versturen' }).click();
      await csirtSection.getByText('Het bericht is verstuurd.').waitFor();
      const thread = csirtSection.locator('ol.wb-csirt-thread > li');
      await expect.poll(async () => (await thread.allTextContents()).map((text) => (text.includes(question) ? 'vraag' : text.includes(answer) ? 'antwoord' : text))).toEqual(['vraag', 'antwoord']);
      await expectAccessible(page, 'incident CSIRT section');

      // The timeline (oldest first) gets a decision; a task is added and done.
      await page.getByLabel('Soort', { exact: true }).selectOption('besluit');
      await page.getByLabel('Wat gebeurde of werd besloten').fill('Werkplekken van Burgerzaken van het netwerk gehaald.');
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await main.getByText('Toegevoegd aan de tijdlijn.').waitFor();
      const timeline = main.locator('ol.wb-incident-timeline > li');
      await expect.poll(async () => (await timeline.last().textContent()) ?? '').toContain('Werkplekken van Burgerzaken van het netwerk gehaald.');
      expect(await timeline.last().textContent()).toContain('Besluit');
      expect(await timeline.first().textContent()).toContain('Status');

      await page.getByLabel('Taak', { exact: true }).fill('Back-ups van de werkplekken controleren');
      await page.getByRole('button', { name: 'Taak toevoegen' }).click();
      await main.getByText('De taak is toegevoegd.').waitFor();
      const taskRow = main.getByRole('row', { name: /Back-ups van de werkplekken controleren/ });
      await taskRow.getByRole('button', { name: /^Gedaan/ }).click();
      await taskRow.getByText(/^Gedaan op /).waitFor();

      // A lesson learned becomes an action with an owner and a due date, followed up with the other actions.
      await page.getByLabel('Wat hebben we geleerd?').fill('De werkplekken van Burgerzaken hadden lokale beheerrechten.');
      await page.getByLabel('Actie', { exact: true }).fill('Lokale beheerrechten op werkplekken intrekken');
      await page.locator('#lesson-dueDate').fill('2027-01-15');
      await main.getByRole('button', { name: 'Les en actie vastleggen' }).click();
      await main.getByText('De les en de actie zijn vastgelegd.').waitFor();
      await main.getByRole('table', { name: 'Geleerde lessen' }).getByRole('row', { name: /Lokale beheerrechten op werkplekken intrekken/ }).waitFor();
      await expect.poll(async () => (await timeline.allTextContents()).some((text) => text.includes('Geleerde les: De werkplekken van Burgerzaken hadden lokale beheerrechten.'))).toBe(true);
      await expectAccessible(page, 'incident after sending');

      // Correcting the moment of awareness (one hour earlier) asks for a reason and moves the deadlines.
      const corrected = aware.minus({ hours: 1 });
      await main.getByRole('button', { name: 'Gegevens wijzigen' }).click();
      await page.locator('#edit-awareAt').fill(corrected.toFormat("yyyy-LL-dd'T'HH:mm"));
      await page.getByLabel('Reden van de correctie').fill('Uit de logboeken blijkt dat de servicedesk de melding een uur eerder ontving.');
      await expectAccessible(page, 'incident details form with correction');
      await main.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await main.getByText('De wijzigingen zijn opgeslagen.').waitFor();
      await main.locator('[data-deadline="incident-notification"]').getByText(shown(corrected.plus({ hours: 72 })), { exact: true }).waitFor();
      await main.locator('[data-deadline="data-breach-notification"]').getByText(shown(corrected.plus({ hours: 72 })), { exact: true }).waitFor();
      await expect.poll(async () => (await timeline.allTextContents()).some((text) => text.startsWith('Correctie tijdstip') && text.includes('een uur eerder'))).toBe(true);

      // Status: handled.
      await main.getByRole('button', { name: 'Afgehandeld', exact: true }).click();
      await main.getByText('De status is nu: Afgehandeld.').waitFor();

      // The closed demo data breach, found with the status filter "Alle": its AP notification was sent.
      await openFromNav(page, 'Incidentregister', /^Incidenten/);
      await page.getByLabel('Status', { exact: true }).selectOption('alle');
      await main.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/status=alle/);
      await main.getByRole('link', { name: 'Phishing: mailbox consulent sociaal domein overgenomen' }).click();
      await expectHeading(page, /Phishing: mailbox consulent sociaal domein overgenomen/);
      const apDeadline = main.locator('[data-deadline="data-breach-notification"]');
      await apDeadline.getByText(/^Gedaan op /).waitFor();
      // its lessons learned: two actions with owners
      await expect(main.getByRole('table', { name: 'Geleerde lessen' }).locator('tbody tr').count()).resolves.toBe(2);
      await expectAccessible(page, 'closed demo incident');

      // The same page in English: the interface and the deadline texts (from the rule files).
      await page.getByRole('button', { name: 'English' }).click();
      await main.getByRole('heading', { level: 2, name: 'Legal deadlines' }).waitFor();
      await apDeadline.getByRole('heading', { level: 3, name: 'Data breach notification to the Autoriteit Persoonsgegevens' }).waitFor();
      await apDeadline.getByText('72 hours after becoming aware', { exact: true }).waitFor();
      await apDeadline.getByText(/^Done on \w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2}$/).waitFor();
      await main.getByRole('heading', { level: 2, name: 'Legal questions' }).waitFor();
      await expectAccessible(page, 'closed demo incident (English)');
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await main.getByRole('heading', { level: 2, name: 'Wettelijke termijnen' }).waitFor();
      const incidentUrl = page.url();
      await logout(page);

      // The auditor reads the register and an incident, without any form to change them.
      await fillCredentials(page, AUDITOR);
      await page.waitForURL(/\/o\/zuidhaven$/);
      await openFromNav(page, /^Incidenten & meldplicht/, /^Incidenten/);
      await main.getByRole('table', { name: 'Incidentregister' }).waitFor();
      expect(await main.getByRole('link', { name: 'Nieuw incident' }).count()).toBe(0);
      await page.goto(incidentUrl);
      await expectHeading(page, /Phishing: mailbox consulent sociaal domein overgenomen/);
      await main.locator('[data-deadline="data-breach-notification"]').waitFor();
      expect(await main.locator('form').count()).toBe(0);
      expect(await main.getByRole('button', { name: 'Gegevens wijzigen' }).count()).toBe(0);
      await expectAccessible(page, 'incident (auditor, read only)');
    } finally {
      await context.close();
    }
  });
});

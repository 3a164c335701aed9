/**
 * Browser tests for the Weerbaar web interface: real Chromium (/usr/bin/chromium via playwright-core)
 * against the built SPA served by the server in demo mode. Every page visited is checked with
 * axe-core against WCAG 2.1 A/AA. Set-up and helpers live in ./support.
 */
import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  baseUrl,
  CISO,
  expectAccessible,
  expectHeading,
  fillCredentials,
  logout,
  newPage,
  openFromNav,
  useBrowserAndServer,
} from './support';

useBrowserAndServer();

// ---------------------------------------------------------------------------------------------
// helpers

const TOTP_PERIOD_MS = 30_000;
const timeStep = (ms = Date.now()) => Math.floor(ms / TOTP_PERIOD_MS);

/**
 * A TOTP code from a time step after `lastStep`: the server refuses a code from a step that was
 * already used (replay protection) and accepts one step of clock drift either way, so the earliest
 * unused step within that window is taken; only when none is left does the test wait.
 */
async function freshCode(secret: string, lastStep: number | null): Promise<{ code: string; step: number }> {
  let step = Math.max(lastStep === null ? -Infinity : lastStep + 1, timeStep() - 1);
  if (step > timeStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * TOTP_PERIOD_MS - Date.now() + 500));
  }
  step = Math.max(step, timeStep() - 1);
  return { code: generateSync({ secret, epoch: step * (TOTP_PERIOD_MS / 1000) + 1 }), step };
}

// ---------------------------------------------------------------------------------------------

describe('web interface', () => {
  it('public pages are accessible', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl()}/login`);
      await expectHeading(page, 'Inloggen');
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      await expectAccessible(page, 'login');

      // Wrong password: the server's problem detail is shown in an alert, the form stays usable.
      await page.getByLabel('E-mailadres').fill(CISO);
      await page.getByLabel('Wachtwoord', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByRole('alert').first().waitFor({ state: 'visible' });
      await expectAccessible(page, 'login with error');

      // Empty required fields: error messages linked to the inputs.
      await page.getByLabel('E-mailadres').fill('');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      const email = page.getByLabel('E-mailadres');
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('verplicht');

      await page.goto(`${baseUrl()}/setup`);
      await expectHeading(page, 'Weerbaar inrichten');
      await expectAccessible(page, 'setup');

      await page.goto(`${baseUrl()}/invitation/does-not-exist`);
      await expectHeading(page, 'Uitnodiging');
      await page.getByRole('alert').first().waitFor({ state: 'visible' });
      await expectAccessible(page, 'invitation (unknown token)');
    } finally {
      await context.close();
    }
  });

  it('CISO enrols TOTP, needs a code at the next login and switches language', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await fillCredentials(page, CISO);
      await page.waitForURL(/\/o\/zuidhaven$/);
      await expectHeading(page, /Gemeente Zuidhaven/);
      await expectAccessible(page, 'organisation home (ciso)');

      // An organisation page the CISO has no permission for is not in the navigation.
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await nav.getByRole('link', { name: 'Installatiebeheer' }).count()).toBe(0);

      // A capability that is not built yet says so honestly.
      await openFromNav(page, /^Externe scans/, /Externe scans/);
      await page.getByText('Nog niet beschikbaar').first().waitFor();
      await expectAccessible(page, 'not yet available');

      // Profile → set up two-step verification.
      await page.getByRole('banner').getByRole('link', { name: 'Mijn profiel' }).click();
      await expectHeading(page, 'Mijn profiel');
      await expectAccessible(page, 'profile');

      await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
      await page.getByRole('img', { name: /QR-code/ }).waitFor({ state: 'visible' });
      const secret = (await page.getByLabel('Geheime sleutel').inputValue()).replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await expectAccessible(page, 'profile: TOTP enrolment');

      const enrolment = await freshCode(secret, null);
      await page.getByLabel('Code uit de app').fill(enrolment.code);
      await page.getByRole('button', { name: 'Bevestigen en inschakelen' }).click();
      await page.getByText('Tweestapsverificatie staat aan').waitFor({ state: 'visible' });
      await expectAccessible(page, 'profile: TOTP enabled');

      // Log out; logging in again now asks for a code.
      await logout(page);
      await fillCredentials(page, CISO);
      await expectHeading(page, 'Code invullen');
      await expectAccessible(page, 'login: code step');
      const login = await freshCode(secret, enrolment.step);
      await page.getByLabel('Code', { exact: true }).fill(login.code);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.waitForURL(/\/o\/zuidhaven$/);
      await expectHeading(page, /Gemeente Zuidhaven/);

      // Switch to English: <html lang>, texts, and the preference is stored on the user.
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      expect((await saved).status()).toBe(200);
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      await page.getByRole('banner').getByRole('button', { name: 'Log out', exact: true }).waitFor();
      await expectAccessible(page, 'organisation home (English)');
      await page.reload();
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      // …and back to Dutch.
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      await expectAccessible(page, 'organisation home (Dutch again)');

      // Leave the demo account as it was: turn two-step verification off again.
      await page.getByRole('banner').getByRole('link', { name: 'Mijn profiel' }).click();
      await expectHeading(page, 'Mijn profiel');
      const disable = await freshCode(secret, login.step);
      await page.getByLabel('Code uit de app').fill(disable.code);
      await page.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
      await page.getByText('Tweestapsverificatie staat uit').waitFor({ state: 'visible' });

      await logout(page);
    } finally {
      await context.close();
    }
  });

  it('installation admin switches organisation and manages it', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await fillCredentials(page, ADMIN);
      await page.waitForURL(/\/o\/[^/]+$/);
      await expectHeading(page, /.+/);
      await expectAccessible(page, 'organisation home (admin)');

      // Organisation switcher: choose, then confirm with the button (no navigation on mere selection).
      await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Gemeente Noorderveld' });
      await page.getByRole('button', { name: 'Wisselen' }).click();
      await page.waitForURL(/\/o\/noorderveld$/);
      await expectHeading(page, /Gemeente Noorderveld/);
      await expectAccessible(page, 'organisation home (noorderveld)');

      // Members: list, role editor, invitation with a link to copy.
      await openFromNav(page, 'Leden en uitnodigingen', /Leden en uitnodigingen/);
      expect(new URL(page.url()).pathname).toBe('/o/noorderveld/members');
      await page.getByRole('table').first().waitFor();
      await expectAccessible(page, 'members');

      await page.getByRole('button', { name: /^Rollen wijzigen/ }).first().click();
      await page.getByRole('group', { name: 'Rollen' }).first().waitFor();
      await expectAccessible(page, 'members: role editor');
      await page.getByRole('button', { name: 'Annuleren' }).click();

      await page.getByRole('region', { name: 'Uitnodigingen' }).getByLabel('E-mailadres').fill(`nieuw-${Date.now()}@noorderveld.example`);
      await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
      const acceptUrl = await page.getByLabel('Uitnodigingslink').inputValue();
      expect(acceptUrl).toMatch(/\/invitation\//);
      await expectAccessible(page, 'members: invitation created');

      // The invited person opens the link in their own browser, creates an account and is in.
      const invitee = await newPage();
      try {
        const invitationPath = new URL(acceptUrl, baseUrl()).pathname;
        await invitee.page.goto(`${baseUrl()}${invitationPath}`);
        await expectHeading(invitee.page, 'Uitnodiging');
        await invitee.page.getByLabel('Naam', { exact: true }).waitFor();
        await expectAccessible(invitee.page, 'invitation (new account)');
        await invitee.page.getByLabel('Naam', { exact: true }).fill('Nieuwe Collega');
        await invitee.page.getByLabel('Nieuw wachtwoord').fill('blauwe fiets langs de zeedijk 42');
        await invitee.page.getByLabel('Herhaal het nieuwe wachtwoord').fill('blauwe fiets langs de zeedijk 42');
        await invitee.page.getByRole('button', { name: 'Account aanmaken en accepteren' }).click();
        await invitee.page.waitForURL(/\/o\/noorderveld$/);
        await expectHeading(invitee.page, /Gemeente Noorderveld/);
      } finally {
        await invitee.context.close();
      }

      // Settings: MFA toggle and single sign-on form.
      await openFromNav(page, 'Instellingen', /Instellingen/);
      await page.getByLabel('Tweestapsverificatie verplicht voor alle leden').waitFor();
      await page.getByLabel('Issuer-URL').waitFor();
      await expectAccessible(page, 'settings');

      // Audit log: events with before → after, chain verification.
      await openFromNav(page, 'Auditlog', /Auditlog/);
      await page.getByRole('table').first().waitFor();
      await page.getByRole('button', { name: 'Keten controleren' }).click();
      await page.getByText(/De keten is (intact|verbroken)/).waitFor({ state: 'visible' });
      await expect.poll(() => page.getByText(/De keten is intact/).count()).toBe(1);
      await expectAccessible(page, 'audit log');

      // Installation administration.
      await page.getByRole('banner').getByRole('link', { name: 'Installatiebeheer' }).click();
      await expectHeading(page, 'Installatiebeheer');
      await page.getByRole('heading', { name: 'Gebruikers' }).waitFor();
      await expectAccessible(page, 'admin');

      await logout(page);
    } finally {
      await context.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('needs at least 12 characters, counted as characters not bytes', () => {
    expect(passwordProblem('elf tekens!')).toMatch(/12 tekens/);
    expect(passwordProblem('ééééééééééé')).toMatch(/12 tekens/);
    expect(passwordProblem('twaalf tekens')).toBeNull();
  });
  it('has no composition rules but refuses common passwords, case-insensitively', () => {
    expect(passwordProblem('alleen kleine letters')).toBeNull();
    expect(passwordProblem('PASSWORD1234')).toMatch(/veelgebruikte/);
    expect(passwordProblem('Qwerty123456')).toMatch(/veelgebruikte/);
  });
  it('refuses one repeated character and the e-mail name', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/herhaald/);
    expect(passwordProblem('jansen-geheim-2026', ['jansen'])).toMatch(/e-mailadres of naam/);
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('een lange zin');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'een lange zin')).toBe(true);
    expect(await verifyPassword(h, 'een andere zin')).toBe(false);
    expect(await verifyPassword(null, 'wat dan ook')).toBe(false);
  });
});

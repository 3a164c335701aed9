import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createMailer, LogMailer, mailerOf, SmtpMailer, type Mailer } from './mailer.js';

describe('mail port', () => {
  it('without SMTP_URL logs recipient and subject only, at info level', async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'x', logLevel: 'info' }, { info: (obj, msg) => lines.push({ obj, msg }) });
    expect(mailer).toBeInstanceOf(LogMailer);
    await mailer.send({ to: 'ciso@zuidhaven.example', subject: '[Weerbaar] Nog 2 uur', text: 'geheime inhoud' });
    expect(lines).toEqual([{ obj: { mail: { to: 'ciso@zuidhaven.example', subject: '[Weerbaar] Nog 2 uur' } }, msg: 'e-mail niet verzonden (geen SMTP_URL ingesteld)' }]);
    expect(JSON.stringify(lines)).not.toContain('geheime inhoud');
  });

  it('with SMTP_URL sends through nodemailer; deps without a mailer get one from the configuration, once', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Weerbaar <weerbaar@zuidhaven.example>' } as NodeJS.ProcessEnv, []);
    expect(config.smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(config.mailFrom).toBe('Weerbaar <weerbaar@zuidhaven.example>');
    const deps = { config };
    const m = mailerOf(deps);
    expect(m).toBeInstanceOf(SmtpMailer);
    expect(mailerOf(deps)).toBe(m);
    const own: Mailer = { send: async () => {} };
    expect(mailerOf({ config, mailer: own })).toBe(own);
  });

  it('checks SMTP_URL and derives the default sender from PUBLIC_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' } as NodeJS.ProcessEnv, [])).toThrow(/SMTP_URL moet een adres zijn/);
    expect(() => loadConfig({ SMTP_URL: 'niet een adres' } as NodeJS.ProcessEnv, [])).toThrow(/SMTP_URL/);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465' } as NodeJS.ProcessEnv, []).smtpUrl).toBe('smtps://u:p@mail.example:465');
    expect(loadConfig({ PUBLIC_URL: 'https://weerbaar.zuidhaven.example' } as NodeJS.ProcessEnv, []).mailFrom).toBe('Weerbaar <noreply@weerbaar.zuidhaven.example>');
    expect(loadConfig({} as NodeJS.ProcessEnv, [])).toMatchObject({ smtpUrl: undefined, mailFrom: 'Weerbaar <noreply@localhost>' });
  });
});

import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';

/*
 * The mail port (docs/decisions/0020-mail-port-and-deadline-reminders.md). Modules send mail through
 * `Mailer` only; the one adapter that talks SMTP is nodemailer. Without SMTP_URL (demo, development)
 * the LogMailer writes one info line per mail with the recipient and the subject, never the text.
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** closes open connections (pooled SMTP); safe to call more than once */
  close?(): void;
}

/** The part of a pino-like logger the mailers use. */
export interface MailLog {
  info(obj: Record<string, unknown>, msg: string): void;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** A one-line JSON logger on stdout that honours LOG_LEVEL (info is written unless the level is above it). */
export function consoleLog(level: string): MailLog {
  const on = LEVELS.indexOf(level) !== -1 && LEVELS.indexOf(level) <= LEVELS.indexOf('info');
  return {
    info(obj, msg) {
      if (on) console.log(JSON.stringify({ level: 30, time: Date.now(), ...obj, msg }));
    },
  };
}

/** Sends nothing: logs recipient and subject (demo and development, when SMTP_URL is not set). */
export class LogMailer implements Mailer {
  constructor(private readonly log: MailLog) {}
  async send(mail: Mail): Promise<void> {
    this.log.info({ mail: { to: mail.to, subject: mail.subject } }, 'e-mail niet verzonden (geen SMTP_URL ingesteld)');
  }
}

/** SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
  }
  close() {
    this.transport.close();
  }
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'logLevel'>, log: MailLog = consoleLog(config.logLevel)): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(log);
}

const fromConfig = new WeakMap<object, Mailer>();

/** The mailer of these dependencies: the one given, otherwise one made once from the configuration. */
export function mailerOf(deps: { mailer?: Mailer; config: Config }): Mailer {
  if (deps.mailer) return deps.mailer;
  let m = fromConfig.get(deps);
  if (!m) fromConfig.set(deps, (m = createMailer(deps.config)));
  return m;
}

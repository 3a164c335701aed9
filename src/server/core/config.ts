import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  publicUrl: string;
  demo: boolean;
  logLevel: string;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (HSTS, Secure cookies). */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** key (32 bytes, base64) to encrypt secrets at rest such as OIDC client secrets */
  secretKey?: string;
  inProcessWorker: boolean;
  /** where uploaded evidence files are kept: the data folder (default on the embedded database) or the database (default with DATABASE_URL) */
  fileStorage: 'directory' | 'database';
  /** largest accepted upload in MB */
  maxUploadMb: number;
  /** SMTP server for e-mail, e.g. smtp://user:pass@host:587; without it mails are only logged (recipient and subject) */
  smtpUrl?: string;
  /** sender of the e-mails, e.g. "Weerbaar <weerbaar@gemeente.example>" */
  mailFrom: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const demo = argv.includes('--demo');
  const port = Number(env.PORT ?? 3000);
  const baseDir = env.DATA_DIR ?? path.resolve('data');
  const dataDir = demo ? path.join(baseDir, 'demo') : baseDir;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    demo,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    secretKey: env.SECRET_KEY || undefined,
    inProcessWorker: env.WORKER_IN_PROCESS ? env.WORKER_IN_PROCESS !== '0' : !env.DATABASE_URL,
    fileStorage: fileStorageOf(env),
    maxUploadMb: maxUploadOf(env),
    smtpUrl: smtpUrlOf(env),
    mailFrom: env.MAIL_FROM || `Weerbaar <noreply@${mailHostOf(env.PUBLIC_URL)}>`,
  };
}

function fileStorageOf(env: NodeJS.ProcessEnv): Config['fileStorage'] {
  const v = env.FILE_STORAGE || (env.DATABASE_URL ? 'database' : 'directory');
  if (v !== 'directory' && v !== 'database') throw new Error(`FILE_STORAGE moet "directory" of "database" zijn, niet "${v}".`);
  return v;
}

function maxUploadOf(env: NodeJS.ProcessEnv): number {
  const v = Number(env.MAX_UPLOAD_MB ?? 25);
  if (!Number.isFinite(v) || v <= 0 || v > 10_000) throw new Error(`MAX_UPLOAD_MB moet een positief getal zijn (megabytes), niet "${env.MAX_UPLOAD_MB}".`);
  return v;
}

function smtpUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const v = env.SMTP_URL || undefined;
  if (v === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(v);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
    throw new Error('SMTP_URL moet een adres zijn als smtp://gebruiker:wachtwoord@host:587 of smtps://host:465.');
  return v;
}

/** The host of PUBLIC_URL for the default sender address (localhost when it is not set). */
function mailHostOf(publicUrl: string | undefined): string {
  try {
    return publicUrl ? new URL(publicUrl).hostname || 'localhost' : 'localhost';
  } catch {
    return 'localhost';
  }
}

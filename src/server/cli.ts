/**
 * Beheeropdrachten voor Weerbaar: `npm run cli -- <opdracht> [opties]`.
 *
 * Exit codes: 0 gelukt, 1 mislukt, 2 verkeerd gebruik (met de hulptekst).
 * De database wordt geopend zoals de server dat doet (DATA_DIR / DATABASE_URL, --demo → <DATA_DIR>/demo).
 * Een PGlite-map kan door één proces tegelijk worden gebruikt: stop de server eerst.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { DateTime } from 'luxon';
import { loadConfig, type Config } from './core/config.js';
import { APP_ROLE, migrate, openDatabase, systemTx, type Database } from './core/db/client.js';
import { organisations, users } from './core/db/schema.js';
import { rowsOf } from './core/db/rows.js';
import { hashPassword, passwordProblem } from './core/auth/passwords.js';
import { AuditLog, INSTALLATION_CHAIN, listChains, verifyChain } from './core/audit/audit.js';
import { MomentError, RULE_SETS, computeDeadlines, parseMoment, type Lang, type MomentName } from '../shared/deadlines/index.js';

const HELP = `Weerbaar beheeropdrachten

Gebruik: npm run cli -- <opdracht> [opties]

Opdrachten:
  admin:create --email E --name N [--password P]
      Maakt een installatiebeheerder aan. Het wachtwoord komt uit --password of uit de
      omgevingsvariabele WEERBAAR_ADMIN_PASSWORD (aanbevolen: dan staat het niet in uw shellgeschiedenis).
  audit:verify [--org slug]
      Controleert de audittrail van één organisatie, of zonder --org alle ketens (ook die van de installatie).
  db:migrate
      Voert de databasemigraties uit.
  db:export [--out bestand.sql]
      Exporteert de ingebouwde database (PGlite) naar een SQL-bestand dat u in een lege
      PostgreSQL-database (15 of nieuwer) terugzet met: psql -v ON_ERROR_STOP=1 -d <database> -f bestand.sql
      Zonder --out: weerbaar-export-<datum>.sql in de huidige map; --out - schrijft naar standaarduitvoer.
  deadlines --regime cbw|avg --aware T [--notified T] [--handled T] [--lang nl|en] [--json]
      Berekent de wettelijke meldtermijnen (Cbw/NIS2 art. 23 of AVG art. 33) in Nederlandse tijd
      (Europe/Amsterdam). T is een tijdstip in ISO 8601, bijvoorbeeld 2026-10-24T10:00:00+02:00 of
      2026-10-24T08:00:00Z; zonder offset (2026-10-24T10:00) geldt het als Nederlandse tijd.
      --aware: moment van bewustwording; --notified: moment waarop de incidentmelding is gedaan;
      --handled: moment waarop het incident is afgehandeld. Termijnen waarvan het beginmoment nog
      niet bekend is, worden weggelaten. --json: een JSON-lijst van {"name","due","basis"} met due in UTC.
      Heeft geen database nodig.

Algemene opties:
  --demo   gebruik de demodatabase (<DATA_DIR>/demo), zoals npm run demo
  --help   deze hulptekst

Omgeving:
  DATA_DIR       map van de ingebouwde database (standaard ./data)
  DATABASE_URL   postgres://… : gebruik die PostgreSQL-server in plaats van de ingebouwde database

Let op: de ingebouwde database kan door één proces tegelijk worden geopend. Stop de server eerst.
`;

class UsageError extends Error {}
class Failure extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Command {
  options: Options;
  run(values: Values, config: Config): Promise<number>;
}

const COMMON: Options = {
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const COMMANDS: Record<string, Command> = {
  'admin:create': {
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    run: adminCreate,
  },
  'audit:verify': { options: { org: { type: 'string' } }, run: auditVerify },
  'db:migrate': { options: {}, run: dbMigrate },
  'db:export': { options: { out: { type: 'string' } }, run: dbExport },
  deadlines: {
    options: {
      regime: { type: 'string' },
      aware: { type: 'string' },
      notified: { type: 'string' },
      handled: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    },
    run: deadlines,
  },
};

// ---------------------------------------------------------------------------------------------
// Database

function describe(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
}

/** Opens the database like bootstrap() does; a locked PGlite folder becomes a clear message. */
async function open(config: Config, opts: { migrate: boolean } = { migrate: true }): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    const message = (err as Error).message;
    if (/in gebruik door proces/.test(message)) {
      throw new Failure(`${message}\nDraait de Weerbaar-server (of de worker) nog? Stop die eerst en voer de opdracht daarna opnieuw uit.`);
    }
    throw new Failure(`De database (${describe(config)}) kan niet worden geopend: ${message}`);
  }
  if (opts.migrate) {
    try {
      await migrate(database);
    } catch (err) {
      await database.close().catch(() => {});
      throw new Failure(`De migraties zijn mislukt: ${(err as Error).message}`);
    }
  }
  return database;
}

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>, opts?: { migrate: boolean }): Promise<T> {
  const database = await open(config, opts);
  try {
    return await fn(database);
  } finally {
    await database.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// admin:create

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function adminCreate(values: Values, config: Config): Promise<number> {
  const email = (values.email as string | undefined)?.trim().toLowerCase();
  const name = (values.name as string | undefined)?.trim();
  if (!email) throw new UsageError('Geef het e-mailadres op met --email.');
  if (!name) throw new UsageError('Geef de naam op met --name.');
  const password = (values.password as string | undefined) ?? process.env.WEERBAAR_ADMIN_PASSWORD;
  if (!password) throw new UsageError('Geef het wachtwoord op met --password of in de omgevingsvariabele WEERBAAR_ADMIN_PASSWORD.');
  if (!EMAIL.test(email) || email.length > 254) throw new Failure(`"${email}" is geen geldig e-mailadres.`);
  if (name.length > 200) throw new Failure('De naam mag hoogstens 200 tekens lang zijn.');
  const problem = passwordProblem(password, [email.split('@')[0], name]);
  if (problem) throw new Failure(problem);
  const passwordHash = await hashPassword(password);

  return withDatabase(config, async (database) => {
    const created = await systemTx(database, async (tx) => {
      const existing = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
      if (existing.length > 0) return null;
      const [u] = await tx.insert(users).values({ email, name, passwordHash, isInstallationAdmin: true }).returning();
      const audit = new AuditLog({ type: 'system', id: null, label: 'cli' }, null);
      audit.record({ organisationId: null, entityType: 'user', entityId: u.id, action: 'create', after: { email: u.email, name: u.name, isInstallationAdmin: true } });
      await audit.flush(tx);
      return u;
    });
    if (!created) throw new Failure(`Er bestaat al een account met het e-mailadres ${email}. Er is niets gewijzigd.`);
    console.log(`Installatiebeheerder aangemaakt: ${created.name} <${created.email}> (id ${created.id}) in ${describe(config)}.`);
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// audit:verify

async function auditVerify(values: Values, config: Config): Promise<number> {
  const slug = values.org as string | undefined;
  if (slug !== undefined && !slug.trim()) throw new UsageError('--org verwacht de korte naam (slug) van een organisatie.');
  return withDatabase(config, async (database) => {
    let chains: { chain: string; label: string }[];
    if (slug) {
      const [o] = await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
      if (!o) throw new Failure(`Organisatie "${slug}" bestaat niet.`);
      chains = [{ chain: o.id, label: slug }];
    } else {
      const heads = await systemTx(database, (tx) => listChains(tx));
      const slugs = new Map(
        rowsOf<{ id: string; slug: string }>(await database.db.execute(sql`select id, slug from organisations`)).map((r) => [r.id, r.slug]),
      );
      chains = heads.map((h) => ({
        chain: h.chain,
        label: h.chain === INSTALLATION_CHAIN ? 'installatie' : (slugs.get(h.organisationId ?? h.chain) ?? h.chain),
      }));
      if (chains.length === 0) {
        console.log(`Nog geen audittrail in ${describe(config)}: niets te controleren.`);
        return 0;
      }
    }
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const width = Math.max(...chains.map((c) => c.label.length));
    let broken = 0;
    let events = 0;
    for (const c of chains) {
      const result = await systemTx(database, (tx) => verifyChain(tx, c.chain));
      events += result.checked;
      if (result.valid) {
        console.log(`${c.label.padEnd(width)}  OK (${n(result.checked, 'gebeurtenis', 'gebeurtenissen')})`);
      } else {
        broken++;
        const b = result.firstBroken!;
        console.log(`${c.label.padEnd(width)}  GEBROKEN bij gebeurtenis seq ${b.seq}${b.id ? ` (id ${b.id})` : ''}: ${b.reason}`);
      }
    }
    if (broken > 0) {
      console.error(`\n${broken} van de ${n(chains.length, 'keten', 'ketens')} ${broken === 1 ? 'is' : 'zijn'} gewijzigd of ingekort. Onderzoek dit als beveiligingsincident.`);
      return 1;
    }
    console.log(`\n${chains.length === 1 ? 'De keten is' : `Alle ${chains.length} ketens zijn`} intact (${n(events, 'gebeurtenis', 'gebeurtenissen')} gecontroleerd).`);
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// db:migrate

async function dbMigrate(_values: Values, config: Config): Promise<number> {
  const t0 = Date.now();
  return withDatabase(config, async (database) => {
    const applied = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    console.log(`Migraties bijgewerkt op ${describe(config)}: ${applied[0]?.n ?? 0} migraties toegepast (${Date.now() - t0} ms).`);
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// db:export

/**
 * The role the row-level-security policies and grants refer to is a cluster-wide object, so pg_dump
 * does not include it: create it first (as in migration 0001), and let the restoring user assume it.
 */
const EXPORT_PREAMBLE = `--
-- Weerbaar: export van de ingebouwde database (PGlite) voor PostgreSQL 15 of nieuwer.
-- Terugzetten in een lege database:
--   psql -v ON_ERROR_STOP=1 --single-transaction -d <database> -f <dit bestand>
-- Dit bestand bevat wachtwoord-hashes en andere geheimen: bewaar het zorgvuldig en verwijder het na gebruik.
--

DO $$ BEGIN
  CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'De rol ${APP_ROLE} bestaat niet en deze gebruiker mag geen rollen aanmaken. Laat een superuser eerst uitvoeren: CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT; GRANT ${APP_ROLE} TO %;', current_user;
END $$;

DO $$ BEGIN
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
EXCEPTION WHEN others THEN NULL;
END $$;

`;

/** Makes pg_dump's output (pg_dump 18 from pglite-tools) restorable on PostgreSQL 15–17. */
export function adaptDumpForPostgres(dump: string): string {
  const body = dump
    .split('\n')
    // PostgreSQL < 17 rejects this setting.
    .filter((line) => !/^SET transaction_timeout\b/.test(line))
    .join('\n');
  return EXPORT_PREAMBLE + body;
}

async function dbExport(values: Values, config: Config): Promise<number> {
  if (config.databaseUrl) {
    console.error(
      'db:export exporteert alleen de ingebouwde database (PGlite). Deze installatie gebruikt PostgreSQL (DATABASE_URL):\n' +
        'maak daar een back-up of export met pg_dump, bijvoorbeeld: pg_dump --no-owner -f weerbaar.sql "$DATABASE_URL"',
    );
    return 2;
  }
  if (!fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new Failure(`Geen ingebouwde database gevonden in ${config.dataDir}. Zet DATA_DIR (of --demo) op de map van uw installatie.`);
  }
  const out = (values.out as string | undefined) ?? `weerbaar-export-${new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19)}.sql`;
  if (!out.trim()) throw new UsageError('--out verwacht een bestandsnaam (of - voor standaarduitvoer).');
  const log = out === '-' ? console.error : console.log;

  const t0 = Date.now();
  const dump = await withDatabase(
    config,
    async (database) => {
      const pg = (database.db as unknown as { $client: PGlite }).$client;
      const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump');
      // --no-owner: the objects belong to whoever restores the file (the application's database user).
      const file = await pgDump({ pg, args: ['--no-owner', '--rows-per-insert=500'] });
      return file.text();
    },
    { migrate: false },
  );
  const sqlText = adaptDumpForPostgres(dump);
  if (out === '-') {
    process.stdout.write(sqlText);
  } else {
    const target = path.resolve(out);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, sqlText, { mode: 0o600 });
  }
  const keyFile = path.join(config.dataDir, 'secret.key');
  const where = out === '-' ? 'standaarduitvoer' : path.resolve(out);
  log(`Export van ${describe(config)} geschreven naar ${where} (${(Buffer.byteLength(sqlText) / 1024).toFixed(0)} KiB, ${Date.now() - t0} ms).`);
  log(
    [
      'Terugzetten op PostgreSQL (15 of nieuwer), in een lege database:',
      '  createdb weerbaar',
      `  psql -v ON_ERROR_STOP=1 --single-transaction -d weerbaar -f ${out === '-' ? '<bestand>' : out}`,
      'Start Weerbaar daarna met DATABASE_URL=postgres://…/weerbaar.',
      ...(fs.existsSync(keyFile)
        ? [`Neem ook de sleutel mee waarmee geheimen zijn versleuteld: ${keyFile} (of zet die waarde in SECRET_KEY).`]
        : config.secretKey
          ? ['Gebruik daar dezelfde SECRET_KEY: daarmee zijn geheimen (zoals OIDC-clientgeheimen) versleuteld.']
          : []),
      'Het bestand bevat wachtwoord-hashes en andere geheimen: bewaar het zorgvuldig en verwijder het na gebruik.',
    ].join('\n'),
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------
// deadlines

const MOMENT_OPTIONS: Record<MomentName, string> = { aware: '--aware', notified: '--notified', handled: '--handled' };

async function deadlines(values: Values): Promise<number> {
  const regime = (values.regime as string | undefined)?.trim().toLowerCase();
  const regimes = Object.keys(RULE_SETS).join(' of ');
  if (!regime) throw new UsageError(`Geef het regime op met --regime (${regimes}).`);
  if (!Object.hasOwn(RULE_SETS, regime)) throw new UsageError(`Onbekend regime "${values.regime}": kies ${regimes}.`);
  const rules = RULE_SETS[regime];
  const lang = ((values.lang as string | undefined) ?? 'nl').trim().toLowerCase();
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`Onbekende taal "${values.lang}" bij --lang: kies nl of en.`);
  const given: Partial<Record<MomentName, string>> = {};
  for (const [moment, option] of Object.entries(MOMENT_OPTIONS) as [MomentName, string][]) {
    const v = values[moment] as string | undefined;
    if (v === undefined) continue;
    if (!v.trim()) throw new UsageError(`${option} verwacht een tijdstip in ISO 8601, bijvoorbeeld 2026-10-24T10:00:00+02:00.`);
    given[moment] = v;
  }
  if (!given.aware) throw new UsageError('Geef het moment van bewustwording op met --aware, bijvoorbeeld --aware 2026-10-24T10:00:00+02:00.');

  let list: ReturnType<typeof computeDeadlines>;
  try {
    list = computeDeadlines(rules, { aware: given.aware, notified: given.notified, handled: given.handled }, { lang: lang as Lang });
  } catch (err) {
    if (!(err instanceof MomentError)) throw err;
    const option = err.moment ? `${MOMENT_OPTIONS[err.moment]}: ` : '';
    throw new UsageError(`${option}${err.message}`);
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify(list.map((d) => ({ name: d.name, due: d.due.toISOString(), basis: d.basis })), null, 2)}\n`);
    return 0;
  }

  const en = lang === 'en';
  const zone = rules.timeZone;
  const localTime = (d: Date) =>
    DateTime.fromJSDate(d, { zone }).setLocale(en ? 'en-GB' : 'nl').toFormat('ccc d LLL yyyy HH:mm ZZZZ');
  const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const L = en
    ? { title: 'Reporting deadlines', in: 'computed in', name: 'Report', due: `Due (${zone})`, utc: 'UTC', rule: 'Rule', basis: 'Legal basis', to: 'to', none: 'No deadlines.' }
    : { title: 'Meldtermijnen', in: 'berekend in', name: 'Melding', due: `Uiterlijk (${zone})`, utc: 'UTC', rule: 'Regel', basis: 'Grondslag', to: 'aan', none: 'Geen termijnen.' };
  const momentLabels: Record<MomentName, string> = en
    ? { aware: 'Became aware', notified: 'Incident notification sent', handled: 'Incident handled' }
    : { aware: 'Bewustwording', notified: 'Incidentmelding gedaan', handled: 'Incident afgehandeld' };

  const lines: string[] = [`${L.title} ${rules.name[lang as Lang]}, ${L.in} ${zone}`, ''];
  const moments = (Object.keys(MOMENT_OPTIONS) as MomentName[])
    .filter((m) => given[m])
    .map((m) => ({ label: `${momentLabels[m]}:`, at: parseMoment(given[m]!, zone, m) }));
  const labelWidth = Math.max(...moments.map((m) => m.label.length));
  const timeWidth = Math.max(...moments.map((m) => localTime(m.at).length));
  for (const m of moments) lines.push(`${m.label.padEnd(labelWidth)}  ${localTime(m.at).padEnd(timeWidth)}  (${utc(m.at)})`);
  lines.push('');
  if (list.length === 0) {
    lines.push(L.none);
  } else {
    const rows = [[L.name, L.due, L.utc, L.rule], ...list.map((d) => [d.name, localTime(d.due), utc(d.due), d.rule])];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const row = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
    lines.push(row(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(row), '', `${L.basis}:`);
    for (const d of list) {
      lines.push(`- ${d.name}${d.recipient ? ` (${L.to} ${d.recipient})` : ''}: ${d.basis}`);
    }
  }
  console.log(lines.join('\n'));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// main

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? console.log : console.error)(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`Onbekende opdracht "${name}".`);
    let values: Values;
    try {
      ({ values } = parseArgs({ args: rest, options: { ...COMMON, ...command.options }, strict: true, allowPositionals: false }));
    } catch (err) {
      const e = err as Error & { code?: string };
      const option = /'(-[\w-]+)/.exec(e.message)?.[1];
      const explain: Record<string, string> = {
        ERR_PARSE_ARGS_UNKNOWN_OPTION: `Onbekende optie ${option ?? ''} bij ${name}.`,
        ERR_PARSE_ARGS_INVALID_OPTION_VALUE: `De optie ${option ?? ''} mist een waarde of heeft een ongeldige waarde.`,
        ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: `Onverwacht argument bij ${name}: gebruik de opties hieronder.`,
      };
      throw new UsageError(explain[e.code ?? ''] ?? e.message);
    }
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const config = loadConfig(process.env, values.demo ? ['--demo'] : []);
    return await command.run(values, config);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${HELP}`);
      return 2;
    }
    if (err instanceof Failure) {
      console.error(err.message);
      return 1;
    }
    console.error(`Mislukt: ${(err as Error).stack ?? err}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  process.exit(code);
}

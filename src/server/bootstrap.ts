import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './core/config.js';
import { migrate, openDatabase } from './core/db/client.js';
import { SecretBox } from './core/auth/crypto.js';
import { createQueue } from './core/jobs/queue.js';
import type { Deps } from './core/http/pipeline.js';
import { loadCatalogs } from './modules/compliance/load-catalogs.js';
import { loadThreats } from './modules/risks/load-threats.js';

/** The key that seals secrets at rest: SECRET_KEY, or a key generated once in the data folder. */
export function secretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Opens the database (PGlite in the data folder, or DATABASE_URL), migrates, and wires the dependencies. */
export async function bootstrap(config: Config): Promise<Deps> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    await loadCatalogs(database);
    await loadThreats(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const queue = createQueue(database, config.databaseUrl);
  return { database, config, queue, secrets: new SecretBox(secretKey(config)) };
}

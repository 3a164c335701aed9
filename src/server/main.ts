import { loadConfig } from './core/config.js';
import { bootstrap } from './bootstrap.js';
import { buildApp } from './app.js';
import { scheduleJobs, startWorkers } from './core/jobs/registry.js';
import { issueSetupToken } from './modules/auth/setup.js';
import { DEMO_ADMIN, DEMO_PASSWORD, loadDemo } from './demo/seed.js';

const t0 = Date.now();
const config = loadConfig();
const deps = await bootstrap(config).catch((err) => {
  console.error(`Weerbaar kan niet starten: ${err.message}`);
  process.exit(1);
});

let closing = false;
async function shutdown(code = 0) {
  if (closing) return;
  closing = true;
  await app?.close().catch(() => {});
  await deps.queue.stop().catch(() => {});
  await deps.database.close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

let app: Awaited<ReturnType<typeof buildApp>> | undefined;
try {
  if (config.demo) {
    const state = await loadDemo(deps.database);
    if (state === 'loaded') console.log('Demodataset geladen (Gemeente Zuidhaven, Noorderveld, Oostbroek, CSIRT Gemeenten, VR Kustland).');
  }
  await deps.queue.start();
  await scheduleJobs(deps.queue);
  if (config.inProcessWorker) await startWorkers(deps.queue, deps);
  app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const where = deps.database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Weerbaar draait op ${config.publicUrl} — database: ${where} — gestart in ${Date.now() - t0} ms`);
  if (config.demo) console.log(`Demo: log in als ${DEMO_ADMIN} of ciso@zuidhaven.example met wachtwoord ${DEMO_PASSWORD}`);
  else {
    const token = await issueSetupToken(deps.database);
    if (token) console.log(`Nog geen beheerder. Maak de eerste beheerder aan via deze eenmalige link:\n  ${config.publicUrl}/setup?token=${token}`);
  }
} catch (err) {
  console.error(`Weerbaar kan niet starten: ${(err as Error).message}`);
  await shutdown(1);
}

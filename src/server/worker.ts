import { loadConfig } from './core/config.js';
import { bootstrap } from './bootstrap.js';
import { scheduleJobs, startWorkers } from './core/jobs/registry.js';

/**
 * A separate job worker for PostgreSQL installations (`npm run worker`). Run as many as needed:
 * pg-boss hands each job to exactly one of them. On PGlite the server runs the jobs itself.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('npm run worker is voor PostgreSQL (DATABASE_URL). Met de ingebouwde database voert de server zelf de taken uit.');
  process.exit(1);
}
const deps = await bootstrap(config);
await deps.queue.start();
await scheduleJobs(deps.queue);
await startWorkers(deps.queue, deps);
console.log('Weerbaar-worker gestart');
const stop = async () => {
  await deps.queue.stop();
  await deps.database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

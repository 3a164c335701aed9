import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/core/config.js';
import { bootstrap } from '../../src/server/bootstrap.js';
import { buildApp, WEB_DIST } from '../../src/server/app.js';
import { loadDemo } from '../../src/server/demo/seed.js';

/**
 * The real server in demo mode on a fresh embedded database in a temporary folder, on an
 * ephemeral loopback port, serving the built web app (npm test builds it first).
 */
export async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-e2e-'));
  const config = { ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' } as any, ['--demo']), port: 0, host: '127.0.0.1' };
  const deps = await bootstrap(config);
  await loadDemo(deps.database);
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  deps.config.publicUrl = url;
  return {
    url,
    async stop() {
      await app.close();
      await deps.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

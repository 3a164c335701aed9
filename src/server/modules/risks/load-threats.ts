import type { Database } from '../../core/db/client.js';

/** Loads catalogs/threats.json into the global threats table (idempotent). */
export async function loadThreats(_database: Database): Promise<void> {}

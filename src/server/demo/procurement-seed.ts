import type { Database } from '../core/db/client.js';

export async function seedProcurement(_database: Database): Promise<void> {}

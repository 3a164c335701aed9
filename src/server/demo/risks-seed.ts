import type { Database } from '../core/db/client.js';

export async function seedRisks(_database: Database): Promise<void> {}

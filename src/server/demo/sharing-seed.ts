import type { Database } from '../core/db/client.js';

export async function seedSharing(_database: Database): Promise<void> {}

import type { App, Deps } from '../../core/http/pipeline.js';

export async function riskRoutes(_app: App, _deps: Deps): Promise<void> {}

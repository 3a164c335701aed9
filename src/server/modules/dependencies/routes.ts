import type { App, Deps } from '../../core/http/pipeline.js';

export async function dependencyRoutes(_app: App, _deps: Deps): Promise<void> {}

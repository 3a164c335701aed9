import type { Config } from '../config.js';
import { DatabaseFileStorage } from './database-storage.js';
import { DirectoryFileStorage } from './directory-storage.js';
import { KEY_PREFIX, type FileStorage } from './file-storage.js';

export type { FileStorage, StagedContent, AfterCommit } from './file-storage.js';
export { DatabaseFileStorage } from './database-storage.js';
export { DirectoryFileStorage } from './directory-storage.js';

export interface FileStores {
  /** where new uploads go (FILE_STORAGE) */
  uploads: FileStorage;
  /** the implementation that holds a key (content stays readable after FILE_STORAGE changes) */
  holding(key: string): FileStorage;
  maxBytes: number;
}

const cache = new WeakMap<Config, FileStores>();

/** The storage for an application's configuration (derived from Deps, so Deps need not change). */
export function fileStores(deps: { config: Config }): FileStores {
  const hit = cache.get(deps.config);
  if (hit) return hit;
  const directory = new DirectoryFileStorage(deps.config.dataDir);
  const database = new DatabaseFileStorage();
  const stores: FileStores = {
    uploads: deps.config.fileStorage === 'database' ? database : directory,
    holding: (key) => (key.startsWith(KEY_PREFIX.database) ? database : directory),
    maxBytes: Math.floor(deps.config.maxUploadMb * 1024 * 1024),
  };
  cache.set(deps.config, stores);
  return stores;
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemTx, type Database } from '../../core/db/client.js';
import { parseCatalogPackage, type CatalogPackage } from './package.js';
import { storePackage, storeStructuralIsoMapping, type StoreResult } from './store-package.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CATALOG_DIR = path.resolve(here, '../../../../catalogs');
export const ISO27001_ANNEX_ID = 'weerbaar:iso27001-annex-a';

function readPackages(dir: string): { file: string; pkg: CatalogPackage }[] {
  const files: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      // catalogs/threats holds the threat catalog of the risk register, not a framework package
      if (e.isDirectory()) { if (e.name !== 'threats') walk(full); }
      else if (e.name.endsWith('.json')) files.push(full);
    }
  };
  walk(dir);
  return files.map((file) => {
    const parsed = parseCatalogPackage(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.ok) {
      throw new Error(`${path.relative(process.cwd(), file)}: ${parsed.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    return { file, pkg: parsed.value };
  });
}

/**
 * Loads the shipped library at start: frameworks first, then authored mappings, then the generated
 * structural ISO mappings, then the procurement requirement sets (catalogs/procurement/, stored as
 * frameworks of kind 'procurement'). Unchanged packages are skipped (content hash), so a warm start
 * costs little.
 */
export async function loadCatalogs(database: Database, dir = CATALOG_DIR): Promise<StoreResult[]> {
  const packages = readPackages(dir);
  return systemTx(database, async (tx) => {
    const results: StoreResult[] = [];
    for (const { pkg } of packages.filter((p) => p.pkg.kind === 'framework')) results.push(await storePackage(tx, pkg, 'catalog'));
    for (const { pkg } of packages.filter((p) => p.pkg.kind === 'mapping')) results.push(await storePackage(tx, pkg, 'catalog'));
    for (const { pkg } of packages) {
      if (pkg.kind === 'framework' && pkg.nodes.some((n) => n.isoControl)) {
        const r = await storeStructuralIsoMapping(tx, pkg.id, ISO27001_ANNEX_ID);
        if (r) results.push(r);
      }
    }
    for (const { pkg } of packages.filter((p) => p.pkg.kind === 'procurement')) results.push(await storePackage(tx, pkg, 'catalog'));
    return results;
  });
}

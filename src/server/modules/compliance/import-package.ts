import type { Tx } from '../../core/db/client.js';
import type { AuditLog } from '../../core/audit/audit.js';
import { checkMappingReferences, storePackage } from './store-package.js';
import { parsePackage } from './package.js';

/**
 * Imports one data package. Preview validates everything and stores nothing; import stores the
 * whole package or, on any problem, nothing (the answer lists every problem with its path).
 */
export async function importPackage(tx: Tx, audit: AuditLog, body: unknown, mode: 'preview' | 'import') {
  const parsed = parsePackage(body);
  if (!parsed.ok) return { mode, valid: false, package: null, counts: {}, action: null, problems: parsed.problems.slice(0, 200) };
  const pkg = parsed.value;
  const ref = { id: pkg.id, kind: pkg.kind, version: pkg.version };
  const counts = pkg.kind === 'framework' ? { nodes: pkg.nodes.length, assessable: pkg.nodes.filter((n) => n.assessable).length } : { rows: pkg.rows.length };
  const problems = pkg.kind === 'mapping' ? await checkMappingReferences(tx, pkg) : [];
  if (problems.length || mode === 'preview') return { mode, valid: problems.length === 0, package: ref, counts, action: null, problems };
  const result = await storePackage(tx, pkg, 'import');
  if (result.action !== 'unchanged') {
    audit.record({ organisationId: null, entityType: pkg.kind === 'framework' ? 'framework' : 'mapping_set', entityId: pkg.id, action: 'import', after: { version: pkg.version, ...counts } });
  }
  return { mode, valid: true, package: ref, counts, action: result.action, problems: [] };
}

import type { Tx } from '../../core/db/client.js';
import type { OrgContext } from '../../core/http/pipeline.js';
import { searchSuppliersByRegistration } from '../suppliers/nodes.js';
import { linkedGemeenten } from './linked-gemeenten.js';

/**
 * For the CSIRT view across gemeenten: find a supplier by name or KvK number among the suppliers of the
 * connected gemeenten, one row per registration number with the names the gemeenten use and how many
 * gemeenten have it. Suppliers without a registration number cannot be recognised across gemeenten and
 * are left out (the answer says how many gemeenten were searched).
 */
export async function searchAcrossSuppliers(tx: Tx, viewer: OrgContext, q: { q: string }) {
  const linked = await linkedGemeenten(tx, viewer);
  const items = await searchSuppliersByRegistration(
    tx,
    linked.map((g) => g.id),
    q.q,
  );
  return { linkedGemeenten: linked.length, items };
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { systemTx, type Database } from '../../core/db/client.js';
import { threats } from '../../core/db/schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The shipped threat catalog (catalogs/threats/; the compliance loader skips that folder). */
export const THREATS_FILE = path.resolve(here, '../../../../catalogs/threats/threats.json');

export const THREAT_CATEGORIES = ['opzettelijk menselijk', 'onopzettelijk', 'technisch falen', 'leverancier', 'natuur en omgeving'] as const;

const Text = z.string().trim().min(1);
export const ThreatCatalog = z.strictObject({
  id: z.literal('weerbaar:threats'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.strictObject({ nl: Text, en: Text }),
  licence: Text,
  description: Text,
  threats: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100),
        name: z.strictObject({ nl: Text.max(200), en: Text.max(200) }),
        category: z.enum(THREAT_CATEGORIES),
        description: Text.max(2000),
      }),
    )
    .min(1)
    .refine((list) => new Set(list.map((t) => t.id)).size === list.length, 'elke dreiging heeft een eigen id'),
});
export type ThreatCatalog = z.infer<typeof ThreatCatalog>;

export function readThreatCatalog(file = THREATS_FILE): ThreatCatalog {
  const parsed = ThreatCatalog.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Loads the threat catalog into the installation-wide threats table (idempotent: inserts new threats,
 * updates changed ones). A threat that left the catalog stays, so risks linked to it keep their link.
 */
export async function loadThreats(database: Database, file = THREATS_FILE): Promise<{ threats: number }> {
  const catalog = readThreatCatalog(file);
  const values = catalog.threats.map((t, position) => ({ id: t.id, name: t.name, category: t.category, description: t.description, position }));
  await systemTx(database, async (tx) => {
    await tx
      .insert(threats)
      .values(values)
      .onConflictDoUpdate({
        target: threats.id,
        set: { name: sql`excluded.name`, category: sql`excluded.category`, description: sql`excluded.description`, position: sql`excluded.position` },
        setWhere: sql`(${threats.name}, ${threats.category}, ${threats.description}, ${threats.position}) is distinct from (excluded.name, excluded.category, excluded.description, excluded.position)`,
      });
  });
  return { threats: values.length };
}

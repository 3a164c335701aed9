import { eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { incidentSettings } from '../../core/db/schema.js';
import { DEFAULT_REMINDER_HOURS, type IncidentSettingsInput } from './settings-schemas.js';

/*
 * The incident settings of an organisation (for now: the reminder hours before each deadline). Stored
 * only once someone changes them; until then the default applies. The deadline job reads them for all
 * organisations at once in its own statement (reminders.ts).
 */

const descending = (hours: readonly number[]) => [...hours].sort((a, b) => b - a);

export async function reminderHoursOf(tx: Executor, organisationId: string): Promise<{ reminderHours: number[]; isDefault: boolean }> {
  const [row] = await tx.select().from(incidentSettings).where(eq(incidentSettings.organisationId, organisationId));
  return row ? { reminderHours: descending(row.reminderHours), isDefault: false } : { reminderHours: [...DEFAULT_REMINDER_HOURS], isDefault: true };
}

export async function getIncidentSettings(ctx: OrgCtx) {
  return reminderHoursOf(ctx.tx, ctx.org.id);
}

export async function putIncidentSettings(ctx: OrgCtx, input: IncidentSettingsInput) {
  const { tx, org, audit } = ctx;
  const before = await reminderHoursOf(tx, org.id);
  const reminderHours = descending(input.reminderHours);
  await tx
    .insert(incidentSettings)
    .values({ organisationId: org.id, reminderHours })
    .onConflictDoUpdate({ target: incidentSettings.organisationId, set: { reminderHours } });
  audit.record({
    organisationId: org.id,
    entityType: 'incident_settings',
    entityId: org.id,
    action: 'update',
    before: { reminderHours: before.reminderHours },
    after: { reminderHours },
  });
  return { reminderHours, isDefault: false };
}

import { z } from 'zod';

/*
 * The incident settings of an organisation: how many hours before each legal deadline the handlers
 * (and the CISO or privacy officer) get a reminder in the inbox and by e-mail.
 */

export const DEFAULT_REMINDER_HOURS = [12, 2] as const;
export const MIN_REMINDER_HOURS = 1;
export const MAX_REMINDER_HOURS = 168;
export const MAX_REMINDERS = 5;

const Hours = z
  .number({ message: 'een aantal uren (geheel getal)' })
  .int('een geheel aantal uren')
  .min(MIN_REMINDER_HOURS, `ten minste ${MIN_REMINDER_HOURS} uur vóór de termijn`)
  .max(MAX_REMINDER_HOURS, `ten hoogste ${MAX_REMINDER_HOURS} uur (een week) vóór de termijn`);

export const IncidentSettingsBody = z.strictObject({
  reminderHours: z
    .array(Hours)
    .min(1, 'geef ten minste één herinnering op')
    .max(MAX_REMINDERS, `ten hoogste ${MAX_REMINDERS} herinneringen`)
    .refine((a) => new Set(a).size === a.length, 'elk aantal uren maar één keer')
    .describe(`uren vóór elke wettelijke termijn waarop een herinnering komt (${MIN_REMINDER_HOURS}–${MAX_REMINDER_HOURS}, ten hoogste ${MAX_REMINDERS}, verschillend)`),
});

export const IncidentSettingsDto = z
  .object({
    reminderHours: z.array(z.number().int()).describe('uren vóór elke termijn, grootste eerst'),
    isDefault: z.boolean().describe('nog niet ingesteld: de standaard van Weerbaar (12 en 2 uur)'),
  })
  .meta({ id: 'IncidentSettings' });

export type IncidentSettingsInput = z.infer<typeof IncidentSettingsBody>;

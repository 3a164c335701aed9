/** Incident vocabulary shared by server and web (issue #6). */
export const INCIDENT_CATEGORIES = ['ransomware', 'phishing', 'ddos', 'datalek', 'malware', 'ongeautoriseerde_toegang', 'storing', 'ot', 'anders'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_SEVERITIES = ['laag', 'midden', 'hoog', 'kritiek'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** open → in_behandeling → afgehandeld (handled: handledAt is set) → gesloten (lessons learned done) */
export const INCIDENT_STATUSES = ['open', 'in_behandeling', 'afgehandeld', 'gesloten'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Timeline entries a handler adds; the others are written by the system (status, moment, juridisch, rapport, taak, les). */
export const TIMELINE_USER_KINDS = ['gebeurtenis', 'besluit', 'notitie'] as const;
export const TIMELINE_KINDS = [...TIMELINE_USER_KINDS, 'status', 'moment', 'juridisch', 'rapport', 'taak', 'les'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Personal-data categories for the AVG questions (art. 33(3)(a)); art. 9/10 categories marked. */
export const AVG_CATEGORIES = [
  'naw',
  'bsn',
  'contact',
  'financieel',
  'identiteitsbewijs',
  'gezondheid',
  'strafrechtelijk',
  'jeugd_en_zorg',
  'inloggegevens',
  'anders',
] as const;

/** Where a report went: to the connected CSIRT inside Weerbaar, or outside it (e-mail, the AP's portal). */
export const REPORT_CHANNELS = ['csirt', 'extern'] as const;

/**
 * The state of one deadline: open (not due yet), te_laat (due and not done), gedaan (report sent in
 * time), te_laat_gedaan (sent after the deadline).
 */
export const DEADLINE_STATES = ['open', 'te_laat', 'gedaan', 'te_laat_gedaan'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

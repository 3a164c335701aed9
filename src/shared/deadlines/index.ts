/**
 * The legal reporting deadlines ("the clocks", issue #6): Cbw / NIS2 art. 23 and AVG art. 33.
 *
 * The rules are data (cbw.json, avg.json: one file per regime, editable by a jurist); this module only
 * validates them and computes the due moments. Pure: no Node-only APIs, also used by the web app.
 *
 * Time rules (see docs/decisions/0018-deadline-rules-as-data.md):
 * - `{ hours: n }` is exact elapsed time: n × 3600 s after the moment, whatever the clock does in between
 *   (across a DST change the local wall clock shows n − 1 or n + 1 hours).
 * - `{ days: n }` and `{ months: n }` are calendar periods in the rule set's time zone (Europe/Amsterdam):
 *   the same local time n days / months later; a month without that day ends on its last day
 *   (31 January + 1 month = 28 February, or 29 February in a leap year).
 * - When that local time does not exist (the spring-forward gap, e.g. 02:30 on the last Sunday of March),
 *   the clock is moved forward by the length of the gap: 02:30 → 03:30 CEST, the same instant as 02:30
 *   read with the offset before the change (as RFC 5545, java.time and Temporal's "compatible" do).
 * - When that local time exists twice (the autumn fall-back, 02:00–03:00 on the last Sunday of October),
 *   the EARLIER instant (still CEST) is chosen, so a deadline is never later than the law allows.
 * - Input strings are ISO 8601 with a time: with an offset or Z they are that instant; without an offset
 *   they are local time in Europe/Amsterdam (an ambiguous local time is read as the earlier instant;
 *   a local time that does not exist is rejected, because nothing can have happened then).
 */
import { DateTime, IANAZone } from 'luxon';
import cbwJson from './cbw.json';
import avgJson from './avg.json';

export type Lang = 'nl' | 'en';
export type Text = Record<Lang, string>;

/** The recorded moments a deadline can run from. */
export type MomentName = 'aware' | 'notified' | 'handled';
export const MOMENT_NAMES: readonly MomentName[] = ['aware', 'notified', 'handled'];

/** A period: exactly one unit. Hours are exact elapsed hours, days and months are calendar periods. */
export type Period = { hours: number } | { days: number } | { months: number };
const PERIOD_UNITS = ['hours', 'days', 'months'] as const;
type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface DeadlineRule {
  id: string;
  name: Text;
  from: MomentName;
  after: Period;
  basis: Text;
  recipient?: Text;
  /**
   * The rules that replace this one when the incident is still ongoing at this rule's due moment, i.e.
   * when `handled` is unknown or later than that moment (NIS2 art. 23(4)(e): a progress report instead
   * of the final report, and the final report one month after handling). Not nested further.
   */
  whenOngoing?: DeadlineRule[];
}

export interface RuleSet {
  regime: string;
  name: Text;
  timeZone: string;
  deadlines: DeadlineRule[];
}

export type MomentInput = Date | string;

export interface Moments {
  /** when the organisation became aware of the incident (required) */
  aware: MomentInput;
  /** when the incident notification was actually sent */
  notified?: MomentInput | null;
  /** when the incident was handled (closed) */
  handled?: MomentInput | null;
}

export interface Deadline {
  id: string;
  name: string;
  due: Date;
  basis: string;
  from: MomentName;
  after: Period;
  /** human-readable rule, e.g. "24 uur na bewustwording" */
  rule: string;
  recipient?: string;
}

/** A rule file that does not have the expected shape. */
export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

/** A moment that is not a valid time (or moments in an impossible order). */
export class MomentError extends Error {
  override name = 'MomentError';
  constructor(
    message: string,
    readonly moment: MomentName | undefined,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation of the rule data

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a parsed rule file and returns it typed; throws a RuleFileError naming the file and the field.
 * Unknown fields are errors (a misspelt "afer" must not be silently ignored), except "$…" comments.
 */
export function validateRuleSet(data: unknown, source = 'regelbestand'): RuleSet {
  const fail = (where: string, problem: string): never => {
    throw new RuleFileError(`Ongeldig regelbestand ${source}: ${where ? `${where} ` : ''}${problem}`);
  };
  const noOtherKeys = (obj: Record<string, unknown>, allowed: string[], where: string) => {
    for (const key of Object.keys(obj)) {
      if (!key.startsWith('$') && !allowed.includes(key)) fail(where || 'het bestand', `bevat een onbekend veld "${key}" (toegestaan: ${allowed.join(', ')})`);
    }
  };
  const text = (v: unknown, where: string): Text => {
    if (!isObject(v)) return fail(where, 'moet een object zijn met een Nederlandse ("nl") en een Engelse ("en") tekst');
    for (const lang of ['nl', 'en'] as const) {
      if (typeof v[lang] !== 'string' || !(v[lang] as string).trim()) fail(`${where}.${lang}`, 'ontbreekt of is leeg');
    }
    noOtherKeys(v, ['nl', 'en'], where);
    return { nl: v.nl as string, en: v.en as string };
  };
  const period = (v: unknown, where: string): Period => {
    if (!isObject(v)) return fail(where, 'moet een object zijn zoals {"hours": 24} of {"months": 1}');
    const units = Object.keys(v).filter((k) => !k.startsWith('$'));
    if (units.length !== 1 || !(PERIOD_UNITS as readonly string[]).includes(units[0])) {
      fail(where, `moet precies één van "hours", "days" of "months" bevatten (gevonden: ${units.length ? units.map((u) => `"${u}"`).join(', ') : 'niets'})`);
    }
    const unit = units[0] as PeriodUnit;
    const n = v[unit];
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) fail(`${where}.${unit}`, `moet een positief geheel getal zijn, niet ${JSON.stringify(n)}`);
    return { [unit]: n } as Period;
  };
  const rule = (v: unknown, where: string, nested: boolean): DeadlineRule => {
    if (!isObject(v)) return fail(where, 'moet een object zijn');
    if (typeof v.id !== 'string' || !ID.test(v.id)) fail(`${where}.id`, `moet bestaan uit kleine letters, cijfers en streepjes, niet ${JSON.stringify(v.id)}`);
    if (typeof v.from !== 'string' || !(MOMENT_NAMES as readonly string[]).includes(v.from)) {
      fail(`${where}.from`, `moet "aware", "notified" of "handled" zijn, niet ${JSON.stringify(v.from)}`);
    }
    const out: DeadlineRule = {
      id: v.id as string,
      name: text(v.name, `${where}.name`),
      from: v.from as MomentName,
      after: period(v.after, `${where}.after`),
      basis: text(v.basis, `${where}.basis`),
    };
    if (v.recipient !== undefined) out.recipient = text(v.recipient, `${where}.recipient`);
    if (v.whenOngoing !== undefined) {
      if (nested) fail(`${where}.whenOngoing`, 'mag niet binnen een andere whenOngoing staan');
      if (!Array.isArray(v.whenOngoing) || v.whenOngoing.length === 0) fail(`${where}.whenOngoing`, 'moet een niet-lege lijst van termijnen zijn');
      out.whenOngoing = (v.whenOngoing as unknown[]).map((r, i) => rule(r, `${where}.whenOngoing[${i}]`, true));
      uniqueIds(out.whenOngoing, `${where}.whenOngoing`);
    }
    noOtherKeys(v, ['id', 'name', 'from', 'after', 'basis', 'recipient', ...(nested ? [] : ['whenOngoing'])], where);
    return out;
  };
  const uniqueIds = (rules: DeadlineRule[], where: string) => {
    const seen = new Set<string>();
    for (const r of rules) {
      if (seen.has(r.id)) fail(where, `bevat de id "${r.id}" twee keer`);
      seen.add(r.id);
    }
  };

  if (!isObject(data)) return fail('', 'moet een JSON-object zijn');
  if (typeof data.regime !== 'string' || !ID.test(data.regime)) fail('regime', `moet een korte naam zijn (kleine letters, cijfers, streepjes), niet ${JSON.stringify(data.regime)}`);
  const name = text(data.name, 'name');
  if (typeof data.timeZone !== 'string' || !IANAZone.isValidZone(data.timeZone)) {
    fail('timeZone', `moet een geldige IANA-tijdzone zijn zoals "Europe/Amsterdam", niet ${JSON.stringify(data.timeZone)}`);
  }
  if (!Array.isArray(data.deadlines) || data.deadlines.length === 0) fail('deadlines', 'moet een niet-lege lijst van termijnen zijn');
  const deadlines = (data.deadlines as unknown[]).map((r, i) => rule(r, `deadlines[${i}]`, false));
  uniqueIds(deadlines, 'deadlines');
  // An alternative may reuse its own rule's id (they never appear together), not another rule's.
  for (const r of deadlines) {
    for (const alt of r.whenOngoing ?? []) {
      if (alt.id !== r.id && deadlines.some((other) => other.id === alt.id)) fail(`deadlines (${r.id}).whenOngoing`, `gebruikt de id "${alt.id}" van een andere termijn`);
    }
  }
  noOtherKeys(data, ['regime', 'name', 'timeZone', 'deadlines'], '');
  return { regime: data.regime as string, name, timeZone: data.timeZone as string, deadlines };
}

export const cbw: RuleSet = validateRuleSet(cbwJson, 'src/shared/deadlines/cbw.json');
export const avg: RuleSet = validateRuleSet(avgJson, 'src/shared/deadlines/avg.json');
export const RULE_SETS: Readonly<Record<string, RuleSet>> = { cbw, avg };

// ---------------------------------------------------------------------------------------------
// Local time in a zone

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function wallClockOf(dt: DateTime): WallClock {
  const { year, month, day, hour, minute, second, millisecond } = dt;
  return { year, month, day, hour, minute, second, millisecond };
}

/**
 * The instants at which the zone's clock shows this wall-clock time: one normally, two in the
 * fall-back hour, none in the spring-forward gap. `naive` is the wall clock read as if it were UTC.
 */
function instantsOf(wall: WallClock, zone: IANAZone): { naive: number; instants: number[]; offsets: number[] } {
  const naive = DateTime.fromObject(wall, { zone: 'utc' }).toMillis();
  // the zone's offsets around that time (a day and a half either side covers any DST change)
  const offsets = [...new Set([-36, 0, 36].map((h) => zone.offset(naive + h * 3_600_000)))];
  const instants = offsets.map((o) => naive - o * 60_000).filter((ts) => zone.offset(ts) * 60_000 === naive - ts);
  return { naive, instants: [...new Set(instants)].sort((a, b) => a - b), offsets };
}

/**
 * The instant of a wall-clock time in the zone: an ambiguous time is the EARLIER instant; a time in a
 * gap is moved forward by the length of the gap (read with the offset in effect before the gap).
 */
function resolveWallClock(wall: WallClock, zone: IANAZone): number {
  const { naive, instants, offsets } = instantsOf(wall, zone);
  if (instants.length > 0) return instants[0];
  const before = zone.offset(naive - Math.max(...offsets) * 60_000);
  return naive - before * 60_000;
}

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Onbekende tijdzone "${timeZone}"`);
  return zone;
}

/**
 * Adds a period to an instant. Hours: exact elapsed time. Days and months: the same wall-clock time in
 * `timeZone` that many days / months later, the day clamped to the end of a shorter month; a wall-clock
 * time that does not exist moves forward by the gap, one that exists twice is the earlier instant.
 */
export function addPeriod(start: Date, period: Period, timeZone = 'Europe/Amsterdam'): Date {
  if (Number.isNaN(start.getTime())) throw new RangeError('Ongeldige datum');
  if ('hours' in period) return DateTime.fromJSDate(start).plus({ hours: period.hours }).toJSDate();
  const zone = zoneOf(timeZone);
  const local = DateTime.fromJSDate(start, { zone });
  // Calendar arithmetic on the wall clock in UTC (no gaps or overlaps there); luxon clamps the day
  // to the last day of a shorter month. Then map the new wall clock back to an instant in the zone.
  const shifted = DateTime.fromObject(wallClockOf(local), { zone: 'utc' }).plus('days' in period ? { days: period.days } : { months: period.months });
  return new Date(resolveWallClock(wallClockOf(shifted), zone));
}

// ---------------------------------------------------------------------------------------------
// Moments

/** The moments in (Dutch) error messages. */
const MOMENT_TITLES: Record<MomentName, string> = {
  aware: 'het moment van bewustwording',
  notified: 'het moment van de incidentmelding',
  handled: 'het moment van afhandeling',
};

const MOMENT_LABELS: Record<MomentName, Record<Lang, string>> = {
  aware: { nl: 'bewustwording', en: 'becoming aware' },
  notified: { nl: 'de incidentmelding', en: 'the incident notification' },
  handled: { nl: 'afhandeling van het incident', en: 'handling the incident' },
};

const NO_SUCH_TIME = 'die datum, tijd of UTC-offset bestaat niet (zoals 30 februari, 25:00 of +25:00)';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads a moment: a valid Date, or an ISO 8601 date and time (YYYY-MM-DDTHH:mm[:ss[.sss]]) with an
 * offset (Z, +01:00, +0100, +01) or without one, then as local time in `timeZone` (an ambiguous local
 * time is the earlier instant; a local time that does not exist there is an error).
 */
export function parseMoment(value: MomentInput, timeZone = 'Europe/Amsterdam', moment?: MomentName): Date {
  const label = moment ? ` voor ${MOMENT_TITLES[moment]}` : '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new MomentError(`Ongeldige datum${label}.`, moment);
    return new Date(value.getTime());
  }
  if (typeof value !== 'string') throw new MomentError(`Verwacht een tijdstip${label}, geen ${typeof value}.`, moment);
  const s = value.trim();
  const m = ISO.exec(s);
  const explain = `verwacht ISO 8601 met datum en tijd, bijvoorbeeld 2026-03-01T10:00:00+01:00, 2026-03-01T09:00:00Z of 2026-03-01T10:00 (Nederlandse tijd)`;
  if (!m) throw new MomentError(`Ongeldig tijdstip "${value}"${label}: ${explain}.`, moment);
  if (m[1]) {
    const offset = /^[+-](\d{2}):?(\d{2})?$/.exec(m[1]);
    if (offset && (Number(offset[1]) > 18 || Number(offset[2] ?? 0) > 59)) {
      throw new MomentError(`Ongeldig tijdstip "${value}"${label}: ${NO_SUCH_TIME}.`, moment);
    }
    const dt = DateTime.fromISO(s, { setZone: true });
    if (!dt.isValid) throw new MomentError(`Ongeldig tijdstip "${value}"${label}: ${NO_SUCH_TIME}.`, moment);
    return dt.toJSDate();
  }
  const wall = DateTime.fromISO(s, { zone: 'utc' });
  if (!wall.isValid) throw new MomentError(`Ongeldig tijdstip "${value}"${label}: ${NO_SUCH_TIME}.`, moment);
  const zone = zoneOf(timeZone);
  const { instants } = instantsOf(wallClockOf(wall), zone);
  if (instants.length === 0) {
    throw new MomentError(
      `Het tijdstip "${value}"${label} bestaat niet in ${timeZone}: de klok werd die nacht vooruitgezet (zomertijd). Geef het tijdstip met een UTC-offset op.`,
      moment,
    );
  }
  return new Date(instants[0]);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

function periodText(period: Period, lang: Lang): string {
  const words: Record<PeriodUnit, Record<Lang, [string, string]>> = {
    hours: { nl: ['uur', 'uur'], en: ['hour', 'hours'] },
    days: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
    months: { nl: ['maand', 'maanden'], en: ['month', 'months'] },
  };
  const unit = PERIOD_UNITS.find((u) => u in period)!;
  const n = (period as Record<PeriodUnit, number>)[unit];
  return `${n} ${words[unit][lang][n === 1 ? 0 : 1]}`;
}

/** The rule in words, e.g. "24 uur na bewustwording" / "1 month after the incident notification". */
export function ruleText(rule: Pick<DeadlineRule, 'from' | 'after'>, lang: Lang = 'nl'): string {
  return `${periodText(rule.after, lang)} ${lang === 'nl' ? 'na' : 'after'} ${MOMENT_LABELS[rule.from][lang]}`;
}

/**
 * The deadlines of a rule set for the recorded moments, in the order of the rule file. A deadline whose
 * `from` moment is not known yet is left out. A rule with `whenOngoing` is replaced by those rules when
 * the incident is still ongoing at its due moment (`handled` unknown or later than that moment).
 */
export function computeDeadlines(rules: RuleSet, moments: Moments, opts: { lang?: Lang } = {}): Deadline[] {
  const lang = opts.lang ?? 'nl';
  const known: Partial<Record<MomentName, Date>> = {};
  if (moments.aware === undefined || moments.aware === null) throw new MomentError('Het moment van bewustwording (aware) is verplicht.', 'aware');
  for (const name of MOMENT_NAMES) {
    const v = moments[name];
    if (v !== undefined && v !== null && v !== '') known[name] = parseMoment(v, rules.timeZone, name);
  }
  const aware = known.aware!;
  for (const name of ['notified', 'handled'] as const) {
    if (known[name] && known[name]!.getTime() < aware.getTime()) {
      const title = MOMENT_TITLES[name];
      throw new MomentError(
        `${title[0].toUpperCase()}${title.slice(1)} (${known[name]!.toISOString()}) ligt vóór het moment van bewustwording (${aware.toISOString()}).`,
        name,
      );
    }
  }

  const dueOf = (rule: DeadlineRule): Date | undefined => {
    const start = known[rule.from];
    return start ? addPeriod(start, rule.after, rules.timeZone) : undefined;
  };
  const out: Deadline[] = [];
  const emit = (rule: DeadlineRule, due: Date) =>
    out.push({
      id: rule.id,
      name: rule.name[lang],
      due,
      basis: rule.basis[lang],
      from: rule.from,
      after: rule.after,
      rule: ruleText(rule, lang),
      ...(rule.recipient ? { recipient: rule.recipient[lang] } : {}),
    });

  for (const rule of rules.deadlines) {
    const due = dueOf(rule);
    if (!due) continue;
    const ongoing = rule.whenOngoing && (!known.handled || known.handled.getTime() > due.getTime());
    if (!ongoing) {
      emit(rule, due);
      continue;
    }
    for (const alt of rule.whenOngoing!) {
      const altDue = dueOf(alt);
      if (altDue) emit(alt, altDue);
    }
  }
  return out;
}

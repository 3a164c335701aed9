import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import avgJson from './avg.json';
import cbwJson from './cbw.json';
import {
  MomentError,
  RULE_SETS,
  RuleFileError,
  addPeriod,
  avg,
  cbw,
  computeDeadlines,
  parseMoment,
  ruleText,
  validateRuleSet,
  type Deadline,
  type Period,
} from './index';

// Expected instants are computed by hand. Europe/Amsterdam: CET = UTC+1, CEST = UTC+2.
// 2026: summer time from Sun 29 March 01:00Z (02:00 CET → 03:00 CEST) to Sun 25 October 01:00Z (03:00 CEST → 02:00 CET).
// 2027: 28 March 01:00Z to 31 October 01:00Z. 2028 (leap year): 26 March to 29 October.

const iso = (d: Date) => d.toISOString();
const due = (from: string, period: Period) => iso(addPeriod(parseMoment(from), period));
const dues = (list: Deadline[]) => list.map((d) => [d.id, iso(d.due)]);
/** The wall clock in Amsterdam, e.g. "2026-03-29 13:00 CEST". */
const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Amsterdam' }).setLocale('nl').toFormat('yyyy-MM-dd HH:mm ZZZZ');

describe('hours are exact elapsed hours', () => {
  it('24 h across the spring-forward change: 24 elapsed hours, the wall clock moves 25 h', () => {
    // 28 March 12:00 CET = 11:00Z; +24 h = 29 March 11:00Z = 13:00 CEST
    const d = addPeriod(parseMoment('2026-03-28T12:00'), { hours: 24 });
    expect(iso(d)).toBe('2026-03-29T11:00:00.000Z');
    expect(local(d)).toBe('2026-03-29 13:00 CEST');
  });

  it('72 h across the spring-forward change', () => {
    // 27 March 10:00 CET = 09:00Z; +72 h = 30 March 09:00Z = 11:00 CEST
    expect(due('2026-03-27T10:00:00+01:00', { hours: 72 })).toBe('2026-03-30T09:00:00.000Z');
    expect(local(addPeriod(parseMoment('2026-03-27T10:00:00+01:00'), { hours: 72 }))).toBe('2026-03-30 11:00 CEST');
  });

  it('24 h across the fall-back change: 24 elapsed hours, the wall clock moves 23 h', () => {
    // 24 October 10:00 CEST = 08:00Z; +24 h = 25 October 08:00Z = 09:00 CET
    const d = addPeriod(parseMoment('2026-10-24T10:00:00+02:00'), { hours: 24 });
    expect(iso(d)).toBe('2026-10-25T08:00:00.000Z');
    expect(local(d)).toBe('2026-10-25 09:00 CET');
  });

  it('72 h across the fall-back change', () => {
    expect(due('2026-10-24T10:00:00+02:00', { hours: 72 })).toBe('2026-10-27T08:00:00.000Z');
    expect(local(addPeriod(parseMoment('2026-10-24T10:00:00+02:00'), { hours: 72 }))).toBe('2026-10-27 09:00 CET');
  });

  it('from inside the repeated hour and from just before the gap', () => {
    // the first 02:30 (CEST) on 25 October = 00:30Z; +24 h = 26 October 00:30Z = 01:30 CET
    expect(due('2026-10-25T02:30:00+02:00', { hours: 24 })).toBe('2026-10-26T00:30:00.000Z');
    // the second 02:30 (CET) = 01:30Z
    expect(due('2026-10-25T02:30:00+01:00', { hours: 24 })).toBe('2026-10-26T01:30:00.000Z');
    // 29 March 01:59 CET = 00:59Z; +1 h = 01:59Z = 03:59 CEST
    expect(local(addPeriod(parseMoment('2026-03-29T01:59'), { hours: 1 }))).toBe('2026-03-29 03:59 CEST');
    expect(due('2026-03-29T01:59', { hours: 24 })).toBe('2026-03-30T00:59:00.000Z');
  });

  it('one calendar day differs from 24 hours across a change', () => {
    // 28 March 12:00 CET + 1 day = 29 March 12:00 CEST = 10:00Z: only 23 elapsed hours
    expect(due('2026-03-28T12:00', { days: 1 })).toBe('2026-03-29T10:00:00.000Z');
    // 24 October 12:00 CEST + 1 day = 25 October 12:00 CET = 11:00Z: 25 elapsed hours
    expect(due('2026-10-24T12:00', { days: 1 })).toBe('2026-10-25T11:00:00.000Z');
    expect(due('2026-12-31T23:30', { days: 1 })).toBe('2027-01-01T22:30:00.000Z');
  });

  it('does not depend on the time zone for hours', () => {
    expect(iso(addPeriod(new Date('2026-03-28T23:00:00Z'), { hours: 24 }, 'America/New_York'))).toBe('2026-03-29T23:00:00.000Z');
  });
});

describe('one month is the same local day and time next month, clamped to the month end', () => {
  it('31 January → 28 February, or 29 February in a leap year', () => {
    expect(due('2026-01-31T10:00', { months: 1 })).toBe('2026-02-28T09:00:00.000Z');
    expect(due('2027-01-31T10:00', { months: 1 })).toBe('2027-02-28T09:00:00.000Z');
    expect(due('2028-01-31T10:00', { months: 1 })).toBe('2028-02-29T09:00:00.000Z');
    expect(due('2028-01-30T10:00', { months: 1 })).toBe('2028-02-29T09:00:00.000Z');
    expect(due('2028-01-29T10:00', { months: 1 })).toBe('2028-02-29T09:00:00.000Z');
    expect(due('2028-01-28T10:00', { months: 1 })).toBe('2028-02-28T09:00:00.000Z');
  });

  it('31 March → 30 April and 31 August → 30 September (both in CEST)', () => {
    expect(due('2026-03-31T10:00', { months: 1 })).toBe('2026-04-30T08:00:00.000Z');
    expect(due('2026-08-31T10:00', { months: 1 })).toBe('2026-09-30T08:00:00.000Z');
    expect(due('2026-05-31T23:59:59.999', { months: 1 })).toBe('2026-06-30T21:59:59.999Z');
  });

  it('31 December → 31 January of the next year, also late in the evening', () => {
    expect(due('2026-12-31T10:00', { months: 1 })).toBe('2027-01-31T09:00:00.000Z');
    // 23:30 CET on 31 December is 22:30Z the same UTC day
    expect(due('2026-12-31T23:30', { months: 1 })).toBe('2027-01-31T22:30:00.000Z');
    // 00:30 CET on 1 January is still 31 December in UTC
    expect(due('2027-01-01T00:30', { months: 1 })).toBe('2027-01-31T23:30:00.000Z');
  });

  it('29 February 2028 → 29 March 2028 (now in CEST), and → 28 February 2029 after 12 months', () => {
    expect(due('2028-02-29T10:00', { months: 1 })).toBe('2028-03-29T08:00:00.000Z');
    expect(local(addPeriod(parseMoment('2028-02-29T10:00'), { months: 1 }))).toBe('2028-03-29 10:00 CEST');
    expect(due('2028-02-29T10:00', { months: 12 })).toBe('2029-02-28T09:00:00.000Z');
  });

  it('does not clamp when the day exists: 28 February → 28 March', () => {
    expect(due('2026-02-28T10:00', { months: 1 })).toBe('2026-03-28T09:00:00.000Z');
    expect(due('2026-04-30T10:00', { months: 1 })).toBe('2026-05-30T08:00:00.000Z');
  });

  it('keeps the local time when the UTC offset changes', () => {
    // CEST → CET: 10 October 14:00 CEST (12:00Z) → 10 November 14:00 CET (13:00Z)
    expect(due('2026-10-10T14:00:00+02:00', { months: 1 })).toBe('2026-11-10T13:00:00.000Z');
    expect(local(addPeriod(parseMoment('2026-10-10T14:00:00+02:00'), { months: 1 }))).toBe('2026-11-10 14:00 CET');
    // CET → CEST: 15 March 14:00 CET (13:00Z) → 15 April 14:00 CEST (12:00Z)
    expect(due('2026-03-15T14:00:00+01:00', { months: 1 })).toBe('2026-04-15T12:00:00.000Z');
  });

  it('a local time in the spring-forward gap moves forward by the gap: 02:30 → 03:30 CEST', () => {
    // 28 February 2027 02:30 CET (01:30Z) → 28 March 2027, the last Sunday of March: 02:30 does not exist
    const d = addPeriod(parseMoment('2027-02-28T02:30'), { months: 1 });
    expect(iso(d)).toBe('2027-03-28T01:30:00.000Z');
    expect(local(d)).toBe('2027-03-28 03:30 CEST');
    // the edges of the gap: 02:00 → 03:00 CEST, 02:59 → 03:59 CEST; 01:59 and 03:00 exist
    expect(local(addPeriod(parseMoment('2027-02-28T02:00'), { months: 1 }))).toBe('2027-03-28 03:00 CEST');
    expect(local(addPeriod(parseMoment('2027-02-28T02:59'), { months: 1 }))).toBe('2027-03-28 03:59 CEST');
    expect(due('2027-02-28T01:59', { months: 1 })).toBe('2027-03-28T00:59:00.000Z');
    expect(due('2027-02-28T03:00', { months: 1 })).toBe('2027-03-28T01:00:00.000Z');
    // a day period landing in the gap is treated alike
    expect(local(addPeriod(parseMoment('2026-03-28T02:30'), { days: 1 }))).toBe('2026-03-29 03:30 CEST');
  });

  it('a local time in the repeated fall-back hour is the EARLIER instant (CEST), whatever the start offset', () => {
    // 25 September 02:30 CEST (00:30Z) → 25 October 02:30, which happens twice: 00:30Z (CEST) and 01:30Z (CET)
    const d = addPeriod(parseMoment('2026-09-25T02:30'), { months: 1 });
    expect(iso(d)).toBe('2026-10-25T00:30:00.000Z');
    expect(local(d)).toBe('2026-10-25 02:30 CEST');
    // from a CET start (luxon's own plus() would keep CET here and give 01:30Z)
    expect(due('2025-12-25T02:30:00+01:00', { months: 10 })).toBe('2026-10-25T00:30:00.000Z');
    // 02:00 and 02:59 are ambiguous too; 01:59 and 03:00 are not
    expect(due('2026-09-25T02:00', { months: 1 })).toBe('2026-10-25T00:00:00.000Z');
    expect(due('2026-09-25T02:59', { months: 1 })).toBe('2026-10-25T00:59:00.000Z');
    expect(due('2026-09-25T01:59', { months: 1 })).toBe('2026-10-24T23:59:00.000Z');
    expect(due('2026-09-25T03:00', { months: 1 })).toBe('2026-10-25T02:00:00.000Z');
    // a day period landing in the repeated hour
    expect(due('2026-10-24T02:30', { days: 1 })).toBe('2026-10-25T00:30:00.000Z');
  });

  it('holds on every day of 2026–2028 around the night-time changes (luxon reads the clock independently)', () => {
    const zone = 'Europe/Amsterdam';
    const fmt = 'yyyy-MM-dd HH:mm';
    const problems: string[] = [];
    let ambiguous = 0;
    let gaps = 0;
    // UTC times of day that cover the local hours 01:00–03:59 in both CET and CEST, plus noon and late evening
    const minutes = [0, 30, 59, 60, 90, 119, 120, 150, 11 * 60, 22 * 60 + 30, 23 * 60 + 30];
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2029, 0, 1); day += 86_400_000) {
      for (const m of minutes) {
        const t = day + m * 60_000;
        const start = new Date(t);
        if (addPeriod(start, { hours: 72 }).getTime() !== t + 72 * 3_600_000) problems.push(`72 h from ${start.toISOString()}`);
        const s = DateTime.fromMillis(t, { zone });
        const got = DateTime.fromJSDate(addPeriod(start, { months: 1 }), { zone });
        const target = s.startOf('month').plus({ months: 1 });
        const wall = `${target.toFormat('yyyy-MM')}-${String(Math.min(s.day, target.daysInMonth!)).padStart(2, '0')} ${s.toFormat('HH:mm')}`;
        if (got.toFormat(fmt) === wall) {
          // the wall clock is kept; when it also shows an hour earlier (fall-back), the later one was wrongly chosen
          if (got.minus({ hours: 1 }).toFormat(fmt) === wall) problems.push(`not the earlier instant from ${s.toISO()}`);
          if (got.plus({ hours: 1 }).toFormat(fmt) === wall) ambiguous++;
        } else if (got.offset === 120 && got.setZone('UTC+1').toFormat(fmt) === wall) {
          gaps++; // in the spring-forward gap: the wall clock read with the offset before the gap (CET)
        } else {
          problems.push(`${s.toISO()} + 1 month = ${got.toISO()}, expected ${wall}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // each year the changes are reached from the last days of the month before
    expect(ambiguous).toBeGreaterThanOrEqual(3);
    expect(gaps).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('rejects an invalid start date', () => {
    expect(() => addPeriod(new Date('nope'), { hours: 1 })).toThrow(RangeError);
  });
});

describe('moments as input', () => {
  it('reads Z, other offsets and no offset (= Amsterdam local time)', () => {
    expect(iso(parseMoment('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
    expect(iso(parseMoment('2026-03-01T10:00:00z'))).toBe('2026-03-01T10:00:00.000Z');
    expect(iso(parseMoment('2026-03-01T10:00:00+05:00'))).toBe('2026-03-01T05:00:00.000Z');
    expect(iso(parseMoment('2026-03-01T10:00+0530'))).toBe('2026-03-01T04:30:00.000Z');
    expect(iso(parseMoment('2026-03-01T10:00-03'))).toBe('2026-03-01T13:00:00.000Z');
    expect(iso(parseMoment('2026-03-01T10:00'))).toBe('2026-03-01T09:00:00.000Z'); // CET
    expect(iso(parseMoment('2026-07-01T10:00:00'))).toBe('2026-07-01T08:00:00.000Z'); // CEST
    expect(iso(parseMoment('2026-07-01T10:00:00.250'))).toBe('2026-07-01T08:00:00.250Z');
    expect(iso(parseMoment(' 2026-07-01T10:00:00Z '))).toBe('2026-07-01T10:00:00.000Z');
    expect(iso(parseMoment(new Date('2026-07-01T10:00:00Z')))).toBe('2026-07-01T10:00:00.000Z');
  });

  it('deadlines from a +05:00 moment are computed in Amsterdam time', () => {
    // 31 January 14:30+05:00 = 09:30Z = 10:30 CET → 28 February 10:30 CET = 09:30Z
    expect(due('2026-01-31T14:30:00+05:00', { months: 1 })).toBe('2026-02-28T09:30:00.000Z');
    // 31 January 00:30+05:00 = 30 January 19:30Z = 20:30 CET on the 30th → 28 February 20:30 CET
    expect(due('2026-01-31T00:30:00+05:00', { months: 1 })).toBe('2026-02-28T19:30:00.000Z');
    // 31 January 23:30Z = 1 February 00:30 CET → 1 March 00:30 CET = 28 February 23:30Z
    expect(due('2026-01-31T23:30:00Z', { months: 1 })).toBe('2026-02-28T23:30:00.000Z');
  });

  it('reads an ambiguous local time as the earlier instant and rejects one that does not exist', () => {
    expect(iso(parseMoment('2026-10-25T02:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(() => parseMoment('2026-03-29T02:30')).toThrow(/bestaat niet in Europe\/Amsterdam/);
    // with an offset it is unambiguous
    expect(iso(parseMoment('2026-10-25T02:30+01:00'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(parseMoment('2026-03-29T02:30+01:00'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each([
    ['gisteren'],
    [''],
    ['2026-03-01'],
    ['2026-03-01T10'],
    ['2026-03-01 10:00'],
    ['01-03-2026T10:00'],
    ['2026-13-01T10:00'],
    ['2026-02-30T10:00'],
    ['2027-02-29T10:00Z'],
    ['2026-03-01T25:00'],
    ['2026-03-01T10:60'],
    ['2026-03-01T10:00+25:00'],
    ['2026-03-01T10:00+01:75'],
    ['2026-03-01T10:00:00Zulu'],
  ])('rejects %j with a clear error', (input) => {
    expect(() => parseMoment(input)).toThrow(MomentError);
    expect(() => parseMoment(input)).toThrow(/Ongeldig tijdstip/);
  });

  it('rejects an invalid Date and a non-string', () => {
    expect(() => parseMoment(new Date('nope'))).toThrow(MomentError);
    expect(() => parseMoment(42 as unknown as string)).toThrow(MomentError);
  });
});

describe('Cbw / NIS2 art. 23 deadlines', () => {
  const aware = '2026-10-24T10:00:00+02:00'; // 08:00Z
  const notified = '2026-10-26T09:00:00+01:00'; // 08:00Z; + 1 month = 26 November 09:00 CET = 08:00Z

  it('with only the moment of becoming aware: early warning and incident notification', () => {
    const list = computeDeadlines(cbw, { aware });
    expect(dues(list)).toEqual([
      ['early-warning', '2026-10-25T08:00:00.000Z'],
      ['incident-notification', '2026-10-27T08:00:00.000Z'],
    ]);
    expect(list[0]).toMatchObject({
      name: 'Vroegtijdige waarschuwing',
      from: 'aware',
      after: { hours: 24 },
      rule: '24 uur na bewustwording',
      recipient: 'het CSIRT of, in voorkomend geval, de bevoegde autoriteit',
    });
    expect(list[0].basis).toMatch(/^Art\. 23 lid 4 onder a NIS2 \(Richtlijn \(EU\) 2022\/2555\)/);
    expect(list[0].basis).toContain('Cyberbeveiligingswet (meldplicht, implementatie van art. 23 NIS2)');
    expect(list[1]).toMatchObject({ name: 'Incidentmelding', rule: '72 uur na bewustwording' });
    expect(list[1].basis).toContain('Art. 23 lid 4 onder b NIS2');
  });

  it('with the notification sent but the incident not handled: a progress report one month after it', () => {
    const list = computeDeadlines(cbw, { aware, notified });
    expect(dues(list)).toEqual([
      ['early-warning', '2026-10-25T08:00:00.000Z'],
      ['incident-notification', '2026-10-27T08:00:00.000Z'],
      ['progress-report', '2026-11-26T08:00:00.000Z'],
    ]);
    expect(list[2]).toMatchObject({ name: 'Voortgangsrapport', from: 'notified', rule: '1 maand na de incidentmelding' });
    expect(list[2].basis).toContain('Art. 23 lid 4 onder e NIS2');
    expect(list[2].basis).toContain('onder c');
  });

  it('handled before notified + 1 month: the final report one month after the notification', () => {
    const list = computeDeadlines(cbw, { aware, notified, handled: '2026-11-10T12:00' });
    expect(dues(list)).toEqual([
      ['early-warning', '2026-10-25T08:00:00.000Z'],
      ['incident-notification', '2026-10-27T08:00:00.000Z'],
      ['final-report', '2026-11-26T08:00:00.000Z'],
    ]);
    expect(list[2]).toMatchObject({ name: 'Eindrapport', from: 'notified', rule: '1 maand na de incidentmelding' });
    expect(list[2].basis).toContain('Art. 23 lid 4 onder d NIS2');
  });

  it('handled exactly at notified + 1 month counts as handled in time', () => {
    const list = computeDeadlines(cbw, { aware, notified, handled: '2026-11-26T08:00:00Z' });
    expect(dues(list).at(-1)).toEqual(['final-report', '2026-11-26T08:00:00.000Z']);
    expect(list.at(-1)!.from).toBe('notified');
    // one millisecond later it was still ongoing
    const later = computeDeadlines(cbw, { aware, notified, handled: '2026-11-26T08:00:00.001Z' });
    expect(later.map((d) => d.id)).toEqual(['early-warning', 'incident-notification', 'progress-report', 'final-report']);
  });

  it('handled after notified + 1 month: progress report then, final report one month after handling', () => {
    const list = computeDeadlines(cbw, { aware, notified, handled: '2026-12-15T16:00:00+01:00' });
    expect(dues(list)).toEqual([
      ['early-warning', '2026-10-25T08:00:00.000Z'],
      ['incident-notification', '2026-10-27T08:00:00.000Z'],
      ['progress-report', '2026-11-26T08:00:00.000Z'],
      ['final-report', '2027-01-15T15:00:00.000Z'],
    ]);
    expect(list[3]).toMatchObject({ from: 'handled', rule: '1 maand na afhandeling van het incident' });
    expect(list[3].basis).toContain('Art. 23 lid 4 onder e NIS2');
    // handled on 31 January 2027 → final report on 28 February 2027
    const endOfMonth = computeDeadlines(cbw, { aware, notified, handled: '2027-01-31T10:00' });
    expect(dues(endOfMonth).at(-1)).toEqual(['final-report', '2027-02-28T09:00:00.000Z']);
  });

  it('leaves out deadlines whose moment is unknown (handled without notified)', () => {
    const list = computeDeadlines(cbw, { aware, handled: '2026-11-01T10:00' });
    expect(list.map((d) => d.id)).toEqual(['early-warning', 'incident-notification']);
    expect(computeDeadlines(cbw, { aware, notified: null, handled: undefined })).toHaveLength(2);
    expect(computeDeadlines(cbw, { aware, notified: '' })).toHaveLength(2);
  });

  it('accepts Date objects', () => {
    const list = computeDeadlines(cbw, { aware: new Date('2026-10-24T08:00:00Z'), notified: new Date('2026-10-26T08:00:00Z') });
    expect(dues(list).map((d) => d[1])).toEqual(['2026-10-25T08:00:00.000Z', '2026-10-27T08:00:00.000Z', '2026-11-26T08:00:00.000Z']);
  });

  it('in English', () => {
    const list = computeDeadlines(cbw, { aware, notified, handled: '2026-12-15T16:00:00+01:00' }, { lang: 'en' });
    expect(list.map((d) => d.name)).toEqual(['Early warning', 'Incident notification', 'Progress report', 'Final report']);
    expect(list.map((d) => d.rule)).toEqual([
      '24 hours after becoming aware',
      '72 hours after becoming aware',
      '1 month after the incident notification',
      '1 month after handling the incident',
    ]);
    expect(list[0].basis).toMatch(/^Art\. 23\(4\)\(a\) NIS2 \(Directive \(EU\) 2022\/2555\)/);
    expect(list[0].recipient).toBe('the CSIRT or, where applicable, the competent authority');
    // the due moments do not depend on the language
    expect(dues(list)).toEqual(dues(computeDeadlines(cbw, { aware, notified, handled: '2026-12-15T16:00:00+01:00' })));
  });

  it('across the spring-forward change, with moments in local time', () => {
    // aware 28 March 2026 22:15 CET (21:15Z): +24 h = 29 March 21:15Z (23:15 CEST), +72 h = 31 March 21:15Z
    // notified 31 March 2026 20:00 CEST (18:00Z) → 30 April 20:00 CEST = 18:00Z
    const list = computeDeadlines(cbw, { aware: '2026-03-28T22:15', notified: '2026-03-31T20:00', handled: '2026-04-20T09:00' });
    expect(dues(list)).toEqual([
      ['early-warning', '2026-03-29T21:15:00.000Z'],
      ['incident-notification', '2026-03-31T21:15:00.000Z'],
      ['final-report', '2026-04-30T18:00:00.000Z'],
    ]);
  });

  it('rejects moments in an impossible order and a missing aware moment', () => {
    expect(() => computeDeadlines(cbw, { aware, notified: '2026-10-24T07:59:59Z' })).toThrow(MomentError);
    try {
      computeDeadlines(cbw, { aware, handled: '2026-10-01T10:00' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MomentError);
      expect((err as MomentError).moment).toBe('handled');
      expect((err as Error).message).toMatch(/vóór het moment van bewustwording/);
    }
    // equal is fine
    expect(computeDeadlines(cbw, { aware, notified: aware })).toHaveLength(3);
    expect(() => computeDeadlines(cbw, {} as never)).toThrow(/bewustwording \(aware\) is verplicht/);
    expect(() => computeDeadlines(cbw, { aware: 'morgen' })).toThrow(/Ongeldig tijdstip "morgen" voor het moment van bewustwording/);
  });
});

describe('AVG art. 33 deadline', () => {
  it('one notification to the Autoriteit Persoonsgegevens 72 hours after becoming aware', () => {
    const list = computeDeadlines(avg, { aware: '2026-10-24T10:00:00+02:00' });
    expect(dues(list)).toEqual([['data-breach-notification', '2026-10-27T08:00:00.000Z']]);
    expect(list[0]).toMatchObject({
      name: 'Melding datalek aan de Autoriteit Persoonsgegevens',
      rule: '72 uur na bewustwording',
      recipient: 'de Autoriteit Persoonsgegevens',
    });
    expect(list[0].basis).toMatch(/^Art\. 33 lid 1 AVG/);
  });

  it('other moments add nothing', () => {
    const list = computeDeadlines(avg, { aware: '2026-03-27T10:00', notified: '2026-03-28T10:00', handled: '2026-04-30T10:00' }, { lang: 'en' });
    // 27 March 10:00 CET = 09:00Z; +72 h = 30 March 09:00Z (11:00 CEST)
    expect(dues(list)).toEqual([['data-breach-notification', '2026-03-30T09:00:00.000Z']]);
    expect(list[0].basis).toMatch(/^Art\. 33\(1\) GDPR/);
    expect(list[0].name).toContain('Autoriteit Persoonsgegevens');
  });
});

describe('rule data', () => {
  it('the shipped files are valid and registered by regime', () => {
    expect(validateRuleSet(cbwJson)).toEqual(cbw);
    expect(validateRuleSet(avgJson)).toEqual(avg);
    expect(Object.keys(RULE_SETS).sort()).toEqual(['avg', 'cbw']);
    expect(RULE_SETS.cbw.regime).toBe('cbw');
    expect(RULE_SETS.avg.timeZone).toBe('Europe/Amsterdam');
    // every text exists in both languages
    for (const set of [cbw, avg]) {
      for (const rule of [...set.deadlines, ...set.deadlines.flatMap((r) => r.whenOngoing ?? [])]) {
        for (const lang of ['nl', 'en'] as const) {
          expect(rule.name[lang].length).toBeGreaterThan(3);
          expect(rule.basis[lang].length).toBeGreaterThan(20);
        }
      }
    }
  });

  it('a jurist can add a rule without code: days, months and comments', () => {
    const custom = validateRuleSet({
      $comment: 'test',
      regime: 'test',
      name: { nl: 'Test', en: 'Test' },
      timeZone: 'Europe/Amsterdam',
      deadlines: [
        { $comment: 'een toelichting', id: 'reminder', name: { nl: 'Herinnering', en: 'Reminder' }, from: 'notified', after: { days: 3 }, basis: { nl: 'Intern beleid', en: 'Internal policy' } },
        { id: 'evaluation', name: { nl: 'Evaluatie', en: 'Evaluation' }, from: 'handled', after: { months: 2 }, basis: { nl: 'Intern beleid', en: 'Internal policy' } },
      ],
    });
    const list = computeDeadlines(custom, { aware: '2026-03-27T10:00', notified: '2026-03-27T12:00', handled: '2026-12-31T10:00' });
    expect(list.map((d) => [d.id, iso(d.due), d.rule])).toEqual([
      ['reminder', '2026-03-30T10:00:00.000Z', '3 dagen na de incidentmelding'],
      ['evaluation', '2027-02-28T09:00:00.000Z', '2 maanden na afhandeling van het incident'],
    ]);
    expect(list[0].recipient).toBeUndefined();
  });

  it('rule texts', () => {
    expect(ruleText({ from: 'aware', after: { hours: 1 } })).toBe('1 uur na bewustwording');
    expect(ruleText({ from: 'aware', after: { hours: 1 } }, 'en')).toBe('1 hour after becoming aware');
    expect(ruleText({ from: 'handled', after: { days: 1 } })).toBe('1 dag na afhandeling van het incident');
    expect(ruleText({ from: 'notified', after: { days: 14 } }, 'en')).toBe('14 days after the incident notification');
  });

  const base = () => structuredClone(cbwJson) as unknown as Record<string, unknown> & { deadlines: Record<string, unknown>[] };
  const broken: [string, (d: ReturnType<typeof base>) => unknown, RegExp][] = [
    ['not an object', () => [], /moet een JSON-object zijn/],
    ['null', () => null, /moet een JSON-object zijn/],
    ['no regime', (d) => ({ ...d, regime: undefined }), /regime moet een korte naam zijn/],
    ['regime with capitals', (d) => ({ ...d, regime: 'Cbw' }), /regime moet een korte naam zijn/],
    ['unknown time zone', (d) => ({ ...d, timeZone: 'Europe/Amsterdm' }), /timeZone moet een geldige IANA-tijdzone zijn/],
    ['no deadlines', (d) => ({ ...d, deadlines: [] }), /deadlines moet een niet-lege lijst/],
    ['missing English name', (d) => ((d.deadlines[0].name = { nl: 'X' }), d), /deadlines\[0\]\.name\.en ontbreekt of is leeg/],
    ['empty Dutch basis', (d) => ((d.deadlines[1].basis = { nl: ' ', en: 'x' }), d), /deadlines\[1\]\.basis\.nl ontbreekt of is leeg/],
    ['unknown moment', (d) => ((d.deadlines[0].from = 'detected'), d), /deadlines\[0\]\.from moet "aware", "notified" of "handled" zijn, niet "detected"/],
    ['two units', (d) => ((d.deadlines[0].after = { hours: 24, days: 1 }), d), /deadlines\[0\]\.after moet precies één van "hours", "days" of "months" bevatten/],
    ['weeks', (d) => ((d.deadlines[0].after = { weeks: 1 }), d), /gevonden: "weeks"/],
    ['no unit', (d) => ((d.deadlines[0].after = {}), d), /gevonden: niets/],
    ['after as a string', (d) => ((d.deadlines[0].after = '24h'), d), /deadlines\[0\]\.after moet een object zijn/],
    ['negative hours', (d) => ((d.deadlines[0].after = { hours: -24 }), d), /deadlines\[0\]\.after\.hours moet een positief geheel getal zijn, niet -24/],
    ['fractional hours', (d) => ((d.deadlines[0].after = { hours: 1.5 }), d), /positief geheel getal/],
    ['hours as text', (d) => ((d.deadlines[0].after = { hours: '24' }), d), /niet "24"/],
    ['misspelt field', (d) => ((d.deadlines[0].afer = { hours: 24 }), d), /deadlines\[0\] bevat een onbekend veld "afer"/],
    ['unknown top-level field', (d) => ({ ...d, timezone: 'x' }), /het bestand bevat een onbekend veld "timezone"/],
    ['bad id', (d) => ((d.deadlines[0].id = 'Early Warning'), d), /deadlines\[0\]\.id moet bestaan uit kleine letters/],
    ['duplicate id', (d) => ((d.deadlines[1].id = 'early-warning'), d), /deadlines bevat de id "early-warning" twee keer/],
    ['empty whenOngoing', (d) => ((d.deadlines[2].whenOngoing = []), d), /deadlines\[2\]\.whenOngoing moet een niet-lege lijst/],
    [
      'nested whenOngoing',
      (d) => {
        const alts = d.deadlines[2].whenOngoing as Record<string, unknown>[];
        alts[0].whenOngoing = [structuredClone(alts[1])];
        return d;
      },
      /deadlines\[2\]\.whenOngoing\[0\]\.whenOngoing mag niet binnen een andere whenOngoing staan/,
    ],
    [
      'alternative with another rule’s id',
      (d) => (((d.deadlines[2].whenOngoing as Record<string, unknown>[])[0].id = 'early-warning'), d),
      /gebruikt de id "early-warning" van een andere termijn/,
    ],
    ['recipient without English', (d) => ((d.deadlines[0].recipient = { nl: 'het CSIRT' }), d), /deadlines\[0\]\.recipient\.en ontbreekt/],
  ];
  it.each(broken)('rejects a file with %s', (_label, mutate, message) => {
    const data = mutate(base());
    expect(() => validateRuleSet(data, 'cbw.json')).toThrow(RuleFileError);
    expect(() => validateRuleSet(data, 'cbw.json')).toThrow(/^Ongeldig regelbestand cbw\.json: /);
    expect(() => validateRuleSet(data, 'cbw.json')).toThrow(message);
  });
});

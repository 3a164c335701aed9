import { describe, expect, it } from 'vitest';
import { dueReminders, durationText, overdueText, reminderMail, reminderText } from './reminders.js';

const HOUR = 3_600_000;
const deadline = {
  name: 'Incidentmelding',
  due: '2026-03-31T07:00:00.000Z', // 09:00 CEST: the clocks went forward on 29 March
  rule: '72 uur na bewustwording',
  basis: 'Art. 23 lid 4 onder b NIS2',
  recipient: 'het CSIRT',
};
const inc = { ref: 'I-2026-007', title: 'Storing paspoortbalie' };

describe('deadline reminder texts', () => {
  it('writes exact remaining times in Dutch', () => {
    expect(durationText(0)).toBe('minder dan een minuut');
    expect(durationText(59_999)).toBe('minder dan een minuut');
    expect(durationText(60_000)).toBe('1 minuut');
    expect(durationText(5 * 60_000 + 59_000)).toBe('5 minuten');
    expect(durationText(HOUR)).toBe('1 uur');
    expect(durationText(11 * HOUR + 59 * 60_000)).toBe('11 uur en 59 minuten');
    expect(durationText(49 * HOUR + 60_000)).toBe('49 uur en 1 minuut');
    expect(durationText(-2 * HOUR)).toBe('2 uur');
  });

  it('a reminder names the deadline, the due moment in Amsterdam time, the rule and the basis', () => {
    const now = new Date(Date.parse(deadline.due) - 2 * HOUR - 30 * 60_000);
    expect(reminderText(inc, deadline, 12, now)).toEqual({
      title: 'Nog 12 uur: Incidentmelding voor I-2026-007 Storing paspoortbalie',
      body:
        'De termijn voor de incidentmelding bij incident I-2026-007 "Storing paspoortbalie" verloopt op 31-03-2026 09:00 (Nederlandse tijd): ' +
        'nog 2 uur en 30 minuten. Aan: het CSIRT. Regel: 72 uur na bewustwording. Grondslag: Art. 23 lid 4 onder b NIS2.',
    });
  });

  it('an overdue notice says how long ago, in winter time too', () => {
    const d = { ...deadline, due: '2026-11-05T08:00:00.000Z', recipient: null };
    expect(overdueText(inc, d, new Date('2026-11-05T09:01:00Z'))).toEqual({
      title: 'Termijn verstreken: Incidentmelding voor I-2026-007 Storing paspoortbalie',
      body:
        'De termijn voor de incidentmelding bij incident I-2026-007 "Storing paspoortbalie" is verstreken op 05-11-2026 09:00 (Nederlandse tijd), ' +
        '1 uur en 1 minuut geleden, en de melding is nog niet als verzonden vastgelegd. Regel: 72 uur na bewustwording. Grondslag: Art. 23 lid 4 onder b NIS2. ' +
        'Doe de melding zo snel mogelijk en leg vast wanneer.',
    });
  });

  it('the mail has a [Weerbaar] subject, a greeting, the notice and the link', () => {
    const mail = reminderMail({ email: 'ciso@zuidhaven.example', name: 'Sanne de CISO' }, { title: 'Nog 2 uur: X', body: 'Tekst.' }, 'https://weerbaar.example/o/zuidhaven/incidenten/1', 'Gemeente Zuidhaven');
    expect(mail).toEqual({
      to: 'ciso@zuidhaven.example',
      subject: '[Weerbaar] Nog 2 uur: X',
      text:
        'Beste Sanne de CISO,\n\nTekst.\n\nOpen het incident: https://weerbaar.example/o/zuidhaven/incidenten/1\n\n' +
        'U ontvangt dit bericht van Weerbaar als behandelaar van dit incident of als CISO of privacyfunctionaris van Gemeente Zuidhaven. Het staat ook in uw inbox in Weerbaar.\n',
    });
  });
});

describe('which reminders are due', () => {
  // aware 28 March 2026 10:00 CET (09:00Z): early warning due 29 March 09:00Z, incident notification 31 March 09:00Z
  const candidate = {
    id: '00000000-0000-4000-8000-000000000001',
    organisationId: '00000000-0000-4000-8000-000000000002',
    slug: 'zuidhaven',
    organisationName: 'Gemeente Zuidhaven',
    ref: 'I-2026-001',
    title: 'Ransomware',
    awareAt: new Date('2026-03-28T09:00:00Z'),
    handledAt: null,
    cbwSignificant: true,
    avgBreach: null,
    reminderHours: [12, 2],
    reports: [] as { kind: string; sentAt: Date }[],
    handlerIds: [],
  };
  const markers = (now: string, c = candidate) => dueReminders(c, new Date(now)).map((d) => d.marker);

  it('nothing outside the windows, the smallest window that applies, overdue once due', () => {
    expect(markers('2026-03-28T20:59:00Z')).toEqual([]);
    expect(markers('2026-03-28T21:00:00Z')).toEqual(['termijn=early-warning@2026-03-29T09:00:00.000Z-12h']);
    expect(markers('2026-03-29T08:00:00Z')).toEqual(['termijn=early-warning@2026-03-29T09:00:00.000Z-2h']);
    expect(markers('2026-03-29T09:00:00Z')).toEqual(['termijn=early-warning@2026-03-29T09:00:00.000Z-verstreken']);
    expect(markers('2026-03-31T08:59:00Z')).toEqual(['termijn=early-warning@2026-03-29T09:00:00.000Z-verstreken', 'termijn=incident-notification@2026-03-31T09:00:00.000Z-2h']);
  });

  it('a sent report ends its reminders; no legal question answered yes, no reminders', () => {
    const sent = { ...candidate, reports: [{ kind: 'early-warning', sentAt: new Date('2026-03-29T08:30:00Z') }] };
    expect(markers('2026-03-29T09:00:00Z', sent)).toEqual([]);
    expect(markers('2026-03-29T09:00:00Z', { ...candidate, cbwSignificant: false })).toEqual([]);
  });

  it('the link goes to the incident page with the marker in the fragment', () => {
    const [d] = dueReminders(candidate, new Date('2026-03-28T21:00:00Z'));
    expect(d.notice).toMatchObject({ kind: 'incident_deadline_reminder', subjectType: 'incident', subjectId: candidate.id });
    expect(d.notice.link).toBe(`/o/zuidhaven/incidenten/${candidate.id}#termijn=early-warning@2026-03-29T09:00:00.000Z-12h`);
  });
});

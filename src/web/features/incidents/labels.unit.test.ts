import { describe, expect, it } from 'vitest';
import { localDeadline, reportKindName } from './labels';

const base = { regime: 'cbw', recipient: 'het CSIRT of, in voorkomend geval, de bevoegde autoriteit' };

describe('deadline texts in the interface language', () => {
  it('keeps the Dutch texts of the API in Dutch', () => {
    const d = { ...base, id: 'early-warning', name: 'Vroegtijdige waarschuwing', rule: '24 uur na bewustwording', basis: 'Art. 23 lid 4 onder a NIS2' };
    expect(localDeadline(d, 'nl')).toBe(d);
  });

  it('takes the English texts from the rule file, the right variant of the final report', () => {
    const early = localDeadline({ ...base, id: 'early-warning', name: 'Vroegtijdige waarschuwing', rule: '24 uur na bewustwording', basis: 'x' }, 'en');
    expect(early.name).toBe('Early warning');
    expect(early.rule).toBe('24 hours after becoming aware');
    expect(early.recipient).toBe('the CSIRT or, where applicable, the competent authority');
    expect(early.basis).toMatch(/^Art\. 23\(4\)\(a\) NIS2/);
    const afterHandling = localDeadline({ ...base, id: 'final-report', name: 'Eindrapport', rule: '1 maand na afhandeling van het incident', basis: 'x' }, 'en');
    expect(afterHandling.rule).toBe('1 month after handling the incident');
    expect(afterHandling.basis).toMatch(/^Art\. 23\(4\)\(e\)/);
    const afterNotification = localDeadline({ ...base, id: 'final-report', name: 'Eindrapport', rule: '1 maand na de incidentmelding', basis: 'x' }, 'en');
    expect(afterNotification.rule).toBe('1 month after the incident notification');
    expect(afterNotification.basis).toMatch(/^Art\. 23\(4\)\(d\)/);
  });

  it('names a report kind in English from the rule files', () => {
    expect(reportKindName('data-breach-notification', 'en', 'Melding datalek')).toBe('Data breach notification to the Autoriteit Persoonsgegevens');
    expect(reportKindName('progress-report', 'en', 'Voortgangsrapport')).toBe('Progress report');
    expect(reportKindName('early-warning', 'nl', 'Vroegtijdige waarschuwing')).toBe('Vroegtijdige waarschuwing');
  });
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `deadlines` needs no database, so this file runs once, in the unit project: it starts the CLI as a
// separate process (as a jurist would) with a database configuration that cannot be reached.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in its own process, with a data folder that does not exist and an unreachable DATABASE_URL. */
function cli(args: string[]): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(os.tmpdir(), `weerbaar-no-such-folder-${process.pid}`),
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
  };
  delete childEnv.TEST_DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/server/cli.ts', 'deadlines', ...args], { cwd: ROOT, env: childEnv, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli deadlines', { timeout: 60_000 }, () => {
  it('--json prints exactly one array of {name, due, basis} with due in UTC', async () => {
    const r = await cli(['--regime', 'cbw', '--aware', '2026-10-24T10:00:00+02:00', '--notified', '2026-10-26T09:00:00+01:00', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, string>[];
    expect(list.map((d) => Object.keys(d))).toEqual([
      ['name', 'due', 'basis'],
      ['name', 'due', 'basis'],
      ['name', 'due', 'basis'],
    ]);
    // aware 08:00Z: +24 h and +72 h across the fall-back change; notified 26 Oct 09:00 CET + 1 month = 26 Nov 09:00 CET
    expect(list.map((d) => [d.name, d.due])).toEqual([
      ['Vroegtijdige waarschuwing', '2026-10-25T08:00:00.000Z'],
      ['Incidentmelding', '2026-10-27T08:00:00.000Z'],
      ['Voortgangsrapport', '2026-11-26T08:00:00.000Z'],
    ]);
    expect(list[0].basis).toContain('Art. 23 lid 4 onder a NIS2 (Richtlijn (EU) 2022/2555)');
    expect(list[0].basis).toContain('Cyberbeveiligingswet (meldplicht, implementatie van art. 23 NIS2)');
    expect(r.stderr).not.toMatch(/Mislukt|Error/);
  });

  it('--handled, --lang en and the AVG', async () => {
    const [cbw, avg] = await Promise.all([
      cli(['--regime', 'cbw', '--aware', '2026-10-24T10:00:00+02:00', '--notified', '2026-10-26T09:00:00+01:00', '--handled', '2026-12-15T16:00', '--lang', 'en', '--json']),
      cli(['--regime', 'avg', '--aware', '2026-03-27T10:00', '--json']),
    ]);
    expect(cbw.code).toBe(0);
    expect((JSON.parse(cbw.stdout) as Record<string, string>[]).map((d) => [d.name, d.due])).toEqual([
      ['Early warning', '2026-10-25T08:00:00.000Z'],
      ['Incident notification', '2026-10-27T08:00:00.000Z'],
      ['Progress report', '2026-11-26T08:00:00.000Z'],
      ['Final report', '2027-01-15T15:00:00.000Z'],
    ]);
    expect(avg.code).toBe(0);
    const [breach] = JSON.parse(avg.stdout) as Record<string, string>[];
    // 27 March 10:00 CET = 09:00Z, +72 h across the spring-forward change
    expect(breach).toEqual({ name: 'Melding datalek aan de Autoriteit Persoonsgegevens', due: '2026-03-30T09:00:00.000Z', basis: expect.stringMatching(/^Art\. 33 lid 1 AVG/) });
  });

  it('without --json prints a Dutch table in Amsterdam time and UTC', async () => {
    const r = await cli(['--regime', 'cbw', '--aware', '2026-10-24T10:00:00+02:00', '--notified', '2026-10-26T09:00:00+01:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Meldtermijnen Cyberbeveiligingswet (NIS2), berekend in Europe/Amsterdam');
    expect(r.stdout).toMatch(/Bewustwording: +za 24 okt 2026 10:00 CEST +\(2026-10-24 08:00 UTC\)/);
    expect(r.stdout).toMatch(/Vroegtijdige waarschuwing +zo 25 okt 2026 09:00 CET +2026-10-25 08:00 UTC +24 uur na bewustwording/);
    expect(r.stdout).toMatch(/Voortgangsrapport +do 26 nov 2026 09:00 CET +2026-11-26 08:00 UTC +1 maand na de incidentmelding/);
    expect(r.stdout).toContain('Grondslag:');
    expect(r.stdout).toContain('- Incidentmelding (aan het CSIRT of, in voorkomend geval, de bevoegde autoriteit): Art. 23 lid 4 onder b NIS2');
  });

  it('exits 2 with a Dutch message on bad input, and accepts a moment in the future', async () => {
    const runs: Run[] = [];
    // one after the other: the machine may be busy
    for (const args of [
      ['--regime', 'nis3', '--aware', '2026-01-01T10:00', '--json'],
      ['--aware', '2026-01-01T10:00', '--json'],
      ['--regime', 'avg', '--aware', '2026-02-30T10:00', '--json'],
      ['--regime', 'cbw', '--aware', '2026-03-29T02:30', '--json'],
      ['--regime', 'cbw', '--notified', '2026-01-01T10:00', '--json'],
      ['--regime', 'cbw', '--aware', '2026-01-01T10:00', '--notified', '2025-12-31T10:00', '--json'],
      ['--regime', 'cbw', '--aware', '2026-01-01T10:00', '--lang', 'fr'],
      ['--regime', 'avg', '--aware', '2099-06-01T12:00:00Z', '--json'],
    ]) {
      runs.push(await cli(args));
    }
    const [regime, noRegime, time, gap, noAware, order, lang, future] = runs;
    const expectUsage = (r: Run, message: string) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    };
    expectUsage(regime, 'Onbekend regime "nis3": kies cbw of avg.');
    expectUsage(noRegime, 'Geef het regime op met --regime (cbw of avg).');
    expectUsage(time, '--aware: Ongeldig tijdstip "2026-02-30T10:00" voor het moment van bewustwording');
    expectUsage(gap, 'bestaat niet in Europe/Amsterdam');
    expectUsage(noAware, 'Geef het moment van bewustwording op met --aware');
    expectUsage(order, '--notified: Het moment van de incidentmelding (2025-12-31T09:00:00.000Z) ligt vóór het moment van bewustwording');
    expectUsage(lang, 'Onbekende taal "fr" bij --lang: kies nl of en.');
    expect(future.code).toBe(0);
    expect(JSON.parse(future.stdout)).toEqual([expect.objectContaining({ due: '2099-06-04T12:00:00.000Z' })]);
    // the data folder was never created: no database was opened
    expect(fs.existsSync(path.join(os.tmpdir(), `weerbaar-no-such-folder-${process.pid}`))).toBe(false);
  });
});

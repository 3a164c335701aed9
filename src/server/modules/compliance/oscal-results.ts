import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { rowsOf } from '../../core/db/rows.js';
import { canonical } from '../../core/audit/audit.js';
import { loadYear, type YearRow } from './assessment-years.js';
import { frameworkInfo, reportedAnswers, reportedEvidence, RESULT_LABEL, type EvidenceRow } from './export-data.js';
import { OSCAL_NS, oscalToken, uuidV5 } from './oscal-ids.js';

/**
 * A year as an OSCAL 1.1.2 assessment-results document: one result per framework in scope, the
 * requirements as controls (ref → token), a finding per assessed applicable requirement
 * (voldoet → satisfied, otherwise not-satisfied) and an observation per piece of evidence. UUIDs are
 * name-based (v5), so the same year exports the same identifiers every time. A signed year exports
 * what was signed (the snapshot).
 */

export const OSCAL_VERSION = '1.1.2';

type Prop = { name: string; ns: string; value: string };
const prop = (name: string, value: string): Prop => ({ name, ns: OSCAL_NS, value });
const iso = (d: Date | string) => new Date(d).toISOString();

function evidenceHref(ctx: OrgCtx, e: EvidenceRow): string {
  const base = `${ctx.deps.config.publicUrl}/api/v1/organisations/${encodeURIComponent(ctx.org.slug)}/evidence/${e.id}`;
  if (e.kind === 'file') return `${base}/content`;
  if (e.kind === 'link' && e.url) return e.url;
  return base;
}

const EVIDENCE_DESCRIPTION: Record<string, (e: EvidenceRow) => string> = {
  file: (e) => `Bestand ${e.fileName ?? e.title}${e.mediaType ? ` (${e.mediaType})` : ''}`,
  link: (e) => `Link: ${e.url ?? ''}`,
  signal: () => 'Automatisch signaal',
  verwijderd: (e) => `Bewijs ${e.title} (bij ondertekening gekoppeld, inmiddels verwijderd)`,
};

async function lastModified(ctx: OrgCtx, y: YearRow): Promise<string> {
  if (y.signedAt) return iso(y.signedAt);
  const [r] = rowsOf<{ at: string | Date | null }>(await ctx.tx.execute(sql`select max(updated_at) as at from requirement_assessments where year_id = ${y.id}`));
  return iso(r?.at ?? y.createdAt);
}

export async function oscalAssessmentResults(ctx: OrgCtx, year: number) {
  const { org } = ctx;
  const y = await loadYear(ctx.tx, org.id, year);
  const { rows } = await reportedAnswers(ctx, y);
  const fws = await frameworkInfo(ctx.tx, y.frameworkIds);
  const evidence = await reportedEvidence(ctx, y, rows);
  const id = (name: string) => uuidV5(`${org.id}:${y.year}:${name}`);
  const planUuid = id('assessment-plan');

  const results = y.frameworkIds.flatMap((f) => {
    const fw = fws.get(f);
    if (!fw) return [];
    const mine = rows.filter((r) => r.framework === f);
    const used = new Set<string>();
    const controlId = new Map<string, string>();
    for (const r of mine) {
      let t = oscalToken(r.ref);
      for (let n = 2; used.has(t); n++) t = `${oscalToken(r.ref)}-${n}`;
      used.add(t);
      controlId.set(r.requirementId, t);
    }
    const observations = new Map<string, Record<string, unknown>>();
    for (const r of mine) {
      for (const e of evidence.get(r.requirementId) ?? []) {
        if (observations.has(e.id)) continue;
        observations.set(e.id, {
          uuid: id(`observation:${f}:${e.id}`),
          title: e.title,
          description: e.description?.trim() || e.title,
          props: [prop('evidence-id', e.id), prop('evidence-kind', e.kind)],
          methods: ['EXAMINE'],
          'relevant-evidence': [
            {
              href: evidenceHref(ctx, e),
              description: EVIDENCE_DESCRIPTION[e.kind]?.(e) ?? `Bewijs ${e.title}`,
              ...(e.sha256 ? { props: [prop('sha256', e.sha256)] } : {}),
            },
          ],
          collected: iso(e.createdAt),
          ...(e.validUntil ? { expires: `${e.validUntil}T23:59:59Z` } : {}),
        });
      }
    }
    const findings = mine
      .filter((r) => r.applicable && r.result !== 'niet_beoordeeld')
      .map((r) => {
        const related = (evidence.get(r.requirementId) ?? []).map((e) => ({ 'observation-uuid': (observations.get(e.id) as { uuid: string }).uuid }));
        const satisfied = r.result === 'voldoet';
        return {
          uuid: uuidV5(`${org.id}:${y.year}:${r.requirementId}`),
          title: `${r.ref} ${r.title}`,
          description: r.explanation.trim() || 'Geen toelichting vastgelegd.',
          props: [prop('requirement-ref', r.ref), prop('result', r.result)],
          target: {
            type: 'objective-id',
            'target-id': `${controlId.get(r.requirementId)}_obj`,
            title: `${r.ref} ${r.title}`,
            status: {
              state: satisfied ? 'satisfied' : 'not-satisfied',
              reason: satisfied ? 'pass' : r.result === 'voldoet_niet' ? 'fail' : 'other',
              ...(r.result === 'voldoet_deels' ? { remarks: RESULT_LABEL.voldoet_deels } : {}),
            },
          },
          ...(related.length ? { 'related-observations': related } : {}),
          ...(r.ownerName ? { remarks: `Eigenaar: ${r.ownerName}` } : {}),
        };
      });
    const include = mine.filter((r) => r.applicable).map((r) => ({ 'control-id': controlId.get(r.requirementId)! }));
    const exclude = mine.filter((r) => !r.applicable).map((r) => ({ 'control-id': controlId.get(r.requirementId)! }));
    const notApplicable = mine.filter((r) => !r.applicable);
    return [
      {
        uuid: id(`result:${f}`),
        title: `${fw.title} ${fw.version}, verantwoordingsjaar ${y.year}`,
        description: `Zelfevaluatie van ${org.name} tegen ${fw.title} (${fw.id}, versie ${fw.version}): ${mine.length} eisen, ${include.length} van toepassing, ${findings.length} beoordeeld.`,
        start: iso(y.createdAt),
        ...(y.signedAt ? { end: iso(y.signedAt) } : {}),
        props: [prop('framework-id', fw.id), prop('framework-version', fw.version)],
        'reviewed-controls': {
          'control-selections': [
            {
              ...(include.length ? { 'include-controls': include } : { 'include-all': {} }),
              ...(exclude.length ? { 'exclude-controls': exclude } : {}),
              ...(notApplicable.length ? { remarks: notApplicable.map((r) => `${r.ref} niet van toepassing: ${r.notApplicableReason ?? ''}`).join('\n') } : {}),
            },
          ],
        },
        ...(observations.size ? { observations: [...observations.values()] } : {}),
        ...(findings.length ? { findings } : {}),
      },
    ];
  });

  const resources: Record<string, unknown>[] = [
    {
      uuid: planUuid,
      title: `Beoordelingsplan verantwoordingsjaar ${y.year}`,
      description: `Zelfevaluatie (ENSIA-cyclus) van ${org.name} over ${y.year}. In scope: ${y.frameworkIds
        .map((f) => (fws.get(f) ? `${fws.get(f)!.title} ${fws.get(f)!.version}` : f))
        .join('; ')}. Per eis worden toepasselijkheid (met reden), resultaat, toelichting, eigenaar en bewijs vastgelegd; de fasen zijn zelfevaluatie, collegeverklaring, audit en verantwoording aan de raad.`,
      props: [prop('assessment-year', String(y.year)), prop('phase', y.phase)],
    },
  ];
  if (y.signedAt) {
    resources.push({
      uuid: id('college-statement'),
      title: 'Collegeverklaring',
      description: `Ondertekend door ${y.signerName ?? ''}${y.signerFunction ? ` (${y.signerFunction})` : ''} op ${iso(y.signedAt)}: ${y.statement ?? ''}`,
      props: [prop('snapshot-sha256', y.snapshotHash ?? '')],
    });
  }

  const body = { results, 'back-matter': { resources } };
  const contentHash = crypto.createHash('sha256').update(canonical(body)).digest('hex');
  return {
    'assessment-results': {
      uuid: id(`document:${contentHash}`),
      metadata: {
        title: `Zelfevaluatie ${org.name} ${y.year}`,
        'last-modified': await lastModified(ctx, y),
        version: y.signedAt ? `${y.year}-ondertekend-${(y.snapshotHash ?? '').slice(0, 12)}` : `${y.year}-concept-${contentHash.slice(0, 12)}`,
        'oscal-version': OSCAL_VERSION,
        parties: [{ uuid: uuidV5(`party:${org.id}`), type: 'organization', name: org.name, 'short-name': org.slug }],
      },
      'import-ap': { href: `#${planUuid}` },
      ...body,
    },
  };
}

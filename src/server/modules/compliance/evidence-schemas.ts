import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';
import { EVIDENCE_STATUSES, isIsoDate } from './evidence-status.js';

const Org = z.string().min(1).max(64);
const YearNumber = z.coerce.number().int().min(2000).max(2100);
export const IsoDate = z.string().refine(isIsoDate, 'geen geldige datum (JJJJ-MM-DD)');
export const EvidenceStatus = z.enum(EVIDENCE_STATUSES);
export const EvidenceKind = z.enum(['file', 'link', 'signal']);

export const EvidenceDto = z
  .object({
    id: Uuid,
    kind: EvidenceKind,
    title: z.string(),
    description: z.string(),
    url: z.string().nullable(),
    fileName: z.string().nullable(),
    mediaType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    validFrom: z.string().nullable().describe('JJJJ-MM-DD'),
    validUntil: z.string().nullable().describe('JJJJ-MM-DD; leeg = geen einddatum'),
    status: EvidenceStatus.describe('berekend met de datum van vandaag in Nederland; verloopt_binnenkort = binnen 30 dagen'),
    createdAt: Timestamp,
    createdBy: z.object({ id: Uuid, name: z.string() }).nullable(),
    measures: z.array(z.object({ id: Uuid, title: z.string() })),
    assessments: z.array(z.object({ year: z.number().int(), requirementId: Uuid, frameworkId: z.string(), ref: z.string() })),
  })
  .meta({ id: 'Evidence' });

export const EvidenceList = z.object({ items: z.array(EvidenceDto), nextCursor: z.string().nullable() });
export const EvidenceItems = z.object({ items: z.array(EvidenceDto) });

export const EvidenceQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  status: EvidenceStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const EvidenceParams = z.strictObject({ org: Org, evidenceId: Uuid });
export const MeasureTargetParams = z.strictObject({ org: Org, measureId: Uuid });
export const MeasureEvidenceParams = z.strictObject({ org: Org, measureId: Uuid, evidenceId: Uuid });
export const AssessmentTargetParams = z.strictObject({ org: Org, year: YearNumber, requirementId: Uuid });
export const AssessmentEvidenceParams = z.strictObject({ org: Org, year: YearNumber, requirementId: Uuid, evidenceId: Uuid });

/** validFrom must not lie after validUntil; a year goes with a requirementId. */
function checkValidity(v: { validFrom?: string | null; validUntil?: string | null }, ctx: z.RefinementCtx) {
  if (v.validFrom && v.validUntil && v.validFrom > v.validUntil) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'ligt vóór de begindatum' });
  }
}
function checkTarget(v: { year?: number; requirementId?: string; measureId?: string }, ctx: z.RefinementCtx) {
  if ((v.year === undefined) !== (v.requirementId === undefined)) {
    ctx.addIssue({ code: 'custom', path: [v.year === undefined ? 'year' : 'requirementId'], message: 'year en requirementId horen bij elkaar' });
  }
}

const Title = z.string().trim().min(1).max(300);
const Description = z.string().max(10_000);

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'geen geldig http(s)-adres' })
  .max(2000)
  .refine((u) => {
    try {
      const parsed = new URL(u);
      return !parsed.username && !parsed.password;
    } catch {
      return true; // reported by the url check itself
    }
  }, 'zet geen gebruikersnaam of wachtwoord in het adres');

export const CreateLinkBody = z
  .strictObject({
    title: Title,
    url: HttpUrl,
    description: Description.default(''),
    validFrom: IsoDate.nullable().optional(),
    validUntil: IsoDate.nullable().optional(),
    measureId: Uuid.optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    requirementId: Uuid.optional(),
  })
  .superRefine(checkValidity)
  .superRefine(checkTarget);

/** The text fields of the multipart upload (validated by hand after the file has been received). */
export const UploadFields = z
  .strictObject({
    title: Title.optional().describe('standaard de bestandsnaam'),
    description: Description.default(''),
    validFrom: IsoDate.optional(),
    validUntil: IsoDate.optional(),
    measureId: Uuid.optional().describe('meteen koppelen aan deze maatregel'),
    year: YearNumber.optional().describe('met requirementId: meteen koppelen aan deze beoordeling'),
    requirementId: Uuid.optional(),
  })
  .superRefine(checkValidity)
  .superRefine(checkTarget);

/** For the OpenAPI document only: the multipart form of an upload. */
export const UploadForm = z
  .object({
    file: z.string().meta({ format: 'binary' }).describe('één bestand'),
    title: z.string().optional(),
    description: z.string().optional(),
    validFrom: z.string().optional().describe('JJJJ-MM-DD'),
    validUntil: z.string().optional().describe('JJJJ-MM-DD'),
    measureId: Uuid.optional(),
    year: z.string().optional(),
    requirementId: Uuid.optional(),
  })
  .describe('multipart/form-data: het veld file plus de tekstvelden');

export const UpdateEvidenceBody = z
  .strictObject({
    title: Title.optional(),
    description: Description.optional(),
    validFrom: IsoDate.nullable().optional(),
    validUntil: IsoDate.nullable().optional(),
  })
  .superRefine(checkValidity);

/* Signals: machine observations against a measure. */

const FIVE_MINUTES = 5 * 60_000;
export const SignalInput = z.strictObject({
  measureId: Uuid,
  source: z.string().trim().min(1).max(100).describe('wie waarneemt, bijv. weerbaar-scanner'),
  check: z.string().trim().min(1).max(200).describe('wat er gecontroleerd is'),
  passed: z.boolean(),
  observedAt: z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) <= Date.now() + FIVE_MINUTES, 'ligt in de toekomst')
    .describe('ISO 8601 met tijdzone; niet meer dan 5 minuten in de toekomst'),
  details: z
    .record(z.string(), z.unknown())
    .refine((d) => JSON.stringify(d).length <= 16_384, 'details zijn te groot (maximaal 16 kB)')
    .optional(),
});
export const SignalBatch = z
  .strictObject({ signals: z.array(SignalInput).min(1).max(500) })
  .describe('Een lijst waarnemingen (maximaal 500). Eén waarneming mag ook los worden gestuurd, zonder de lijst signals.');
export const RecordedDto = z.object({ recorded: z.number().int() });

export const SignalStateDto = z.object({ source: z.string(), check: z.string(), passed: z.boolean(), observedAt: Timestamp });
export const SignalsDto = z.object({
  state: z.array(SignalStateDto).describe('de laatste waarneming per bron en controle'),
  history: z.array(SignalStateDto.extend({ id: Uuid, details: z.unknown(), receivedAt: Timestamp })).describe('nieuwste eerst'),
});
export const SignalsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/* The attention list ("Aandacht nodig"). */

const Person = z.object({ id: Uuid, name: z.string() }).nullable();
export const AttentionDto = z
  .object({
    evidence: z.array(EvidenceDto).describe('verlopen of verloopt binnenkort'),
    failingMeasures: z.array(z.object({ id: Uuid, title: z.string(), failing: z.array(z.object({ source: z.string(), check: z.string(), observedAt: Timestamp })) })),
    overdueAssessments: z.array(
      z.object({
        year: z.number().int(),
        requirementId: Uuid,
        frameworkId: z.string(),
        ref: z.string(),
        title: z.string(),
        dueDate: z.string(),
        result: z.string(),
        owner: Person,
      }),
    ),
    overdueActions: z.array(z.object({ id: Uuid, title: z.string(), dueDate: z.string(), status: z.string(), owner: Person })),
    incidentDeadlines: z
      .array(
        z.object({
          incident: z.object({ id: Uuid, ref: z.string(), title: z.string() }),
          deadline: z.object({ id: z.string(), name: z.string(), due: Timestamp, overdue: z.boolean() }),
        }),
      )
      .describe('wettelijke meldtermijnen van incidenten die verstreken zijn of binnen 24 uur aflopen (alleen voor wie incidenten mag lezen)'),
  })
  .meta({ id: 'Attention' });

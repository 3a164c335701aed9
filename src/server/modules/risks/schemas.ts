import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';
import { ROLES } from '../../../shared/roles.js';
import { MATRIX_MAX, RISK_DOMAINS, RISK_LEVELS, RISK_TREATMENTS } from '../../../shared/risk-matrix.js';

export const DPIA_OUTCOMES = ['aanvaardbaar', 'aanvaardbaar_met_maatregelen', 'hoog_restrisico', 'voorafgaande_raadpleging'] as const;
export const LINK_TYPES = ['asset', 'supplier', 'joint_arrangement'] as const;

const IsoDate = z.iso.date('datum als JJJJ-MM-DD');
const Int = z.number().int();
export const Domain = z.enum(RISK_DOMAINS).describe('digitaal, privacy, juridisch, financieel, fysiek of reputatie');
export const Level = z.enum(RISK_LEVELS);
export const Treatment = z.enum(RISK_TREATMENTS);
const Role = z.enum(ROLES);

/* ---------- matrix ---------- */

const LevelRoles = z.object({ laag: z.array(z.string()), midden: z.array(z.string()), hoog: z.array(z.string()), kritiek: z.array(z.string()) });

export const MatrixDto = z
  .object({
    likelihoodLabels: z.array(z.string()).describe('kans, van laag naar hoog; de lengte is de grootte van de as'),
    impactLabels: z.array(z.string()).describe('impact, van laag naar hoog'),
    levelBounds: z.tuple([Int, Int, Int]).describe('bovengrenzen (inclusief) van de score kans × impact voor laag, midden en hoog; daarboven kritiek'),
    acceptanceRoles: LevelRoles.describe('per niveau de rollen die een risico van dat (rest)niveau mogen accepteren'),
    custom: z.boolean().describe('false: de standaardmatrix 5×5'),
  })
  .meta({ id: 'RiskMatrix' });

const Label = z.string().trim().min(1).max(60);
const Roles = z.array(Role).min(1).max(ROLES.length);
export const MatrixBody = z.strictObject({
  likelihoodLabels: z.array(Label).min(3).max(6),
  impactLabels: z.array(Label).min(3).max(6),
  levelBounds: z.tuple([Int, Int, Int]),
  acceptanceRoles: z.strictObject({ laag: Roles, midden: Roles, hoog: Roles, kritiek: Roles }),
  rescale: z.boolean().optional().describe('true: bij een andere grootte alle scores evenredig omrekenen (anders 409 zolang er risico’s zijn)'),
});

export const MatrixConflict = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    risks: z.number().int().describe('aantal risico’s met een score op de huidige matrix'),
  })
  .meta({ id: 'RiskMatrixConflict', description: 'RFC 9457 problem details: de matrix verandert van grootte terwijl er risico’s zijn; stuur rescale: true om om te rekenen' });

/* ---------- risks ---------- */

export const ScoreDto = z
  .object({ likelihood: Int, impact: Int, score: Int.describe('kans × impact'), level: Level })
  .meta({ id: 'RiskScore' });

const AcceptanceSummary = z.object({ validUntil: z.string(), expired: z.boolean(), deciderName: z.string() });

export const RiskSummaryDto = z
  .object({
    id: Uuid,
    ref: z.string().describe('R-001, R-002 …'),
    title: z.string(),
    domain: Domain,
    owner: z.object({ id: Uuid, name: z.string() }).nullable(),
    inherent: ScoreDto.describe('bruto risico'),
    residual: ScoreDto.describe('netto (rest)risico'),
    target: z.object({ likelihood: Int, impact: Int }).nullable().describe('het beoogde restrisico'),
    treatment: Treatment,
    status: z.enum(['open', 'closed']),
    reviewDate: z.string().nullable(),
    reviewOverdue: z.boolean().describe('open en de reviewdatum is verstreken'),
    acceptance: AcceptanceSummary.nullable().describe('het geldende acceptatiebesluit (ook als het verlopen is)'),
    updatedAt: Timestamp,
  })
  .meta({ id: 'RiskSummary' });

export const AcceptanceDto = z
  .object({
    id: Uuid,
    deciderName: z.string(),
    deciderFunction: z.string(),
    authorityRole: z.string().describe('de rol die de bevoegdheid gaf'),
    level: Level,
    likelihood: Int,
    impact: Int,
    reason: z.string(),
    validUntil: z.string(),
    decidedAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'RiskAcceptance' });

export const RiskDetailDto = RiskSummaryDto.extend({
  description: z.string(),
  treatmentNote: z.string(),
  transferredTo: z.string().nullable(),
  dpia: z.object({ id: Uuid, name: z.string() }).nullable(),
  links: z.array(z.object({ type: z.enum(LINK_TYPES), id: Uuid, name: z.string(), kind: z.string().nullable().describe('soort object (alleen bij objecten)') })),
  threats: z.array(z.object({ id: z.string(), name: z.string() })),
  measures: z.array(z.object({ id: Uuid, title: z.string(), status: z.string() })),
  mitigation: z
    .object({ implemented: Int, total: Int })
    .nullable()
    .describe('bij mitigeren: geïmplementeerde maatregelen van het totaal (vervallen maatregelen tellen niet mee)'),
  acceptances: z.array(AcceptanceDto).describe('alle acceptatiebesluiten, nieuwste eerst'),
}).meta({ id: 'RiskDetail' });

export const RiskList = z.object({ items: z.array(RiskSummaryDto), total: Int, nextCursor: z.string().nullable() });

export const RiskQuery = z.strictObject({
  domain: Domain.optional(),
  level: Level.optional().describe('niveau van het restrisico'),
  treatment: Treatment.optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  ownerId: Uuid.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('zoekt in kenmerk, titel en omschrijving'),
  reviewDue: z.enum(['true', 'false']).optional().describe('true: reviewdatum verstreken of binnen 14 dagen'),
  target: Uuid.optional().describe('risico’s gekoppeld aan dit object, deze leverancier of deze regeling'),
  dpiaId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export const RiskParams = z.strictObject({ org: z.string().min(1).max(64), riskId: Uuid });

const ScoreValue = z.number().int().min(1).max(MATRIX_MAX);
const LinkInput = z.strictObject({ type: z.enum(LINK_TYPES), id: Uuid });

const riskFields = {
  description: z.string().max(10_000),
  ownerId: Uuid.nullable(),
  targetLikelihood: ScoreValue.nullable(),
  targetImpact: ScoreValue.nullable(),
  residualLikelihood: ScoreValue.nullable().describe('alleen bij open, overdragen of vermijden (null: gelijk aan het bruto risico); bij mitigeren volgt het restrisico uit de maatregelen en wordt dit veld genegeerd'),
  residualImpact: ScoreValue.nullable(),
  treatment: Treatment.describe('open, mitigate, transfer of avoid; accepteren gaat via /acceptance'),
  treatmentNote: z.string().max(4000),
  transferredTo: z.string().trim().max(300).nullable(),
  reviewDate: IsoDate.nullable(),
  dpiaId: Uuid.nullable(),
  links: z.array(LinkInput).max(100).describe('objecten, leveranciers en regelingen; vervangt de set'),
  threatIds: z.array(z.string().min(1).max(100)).max(50).describe('dreigingen uit de catalogus; vervangt de set'),
  measureIds: z.array(Uuid).max(100).describe('maatregelen; vervangt de set'),
};
const optionalFields = Object.fromEntries(Object.entries(riskFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof riskFields]: z.ZodOptional<(typeof riskFields)[K]>;
};
const Title = z.string().trim().min(1).max(200);

export const CreateRiskBody = z.strictObject({ title: Title, domain: Domain, inherentLikelihood: ScoreValue, inherentImpact: ScoreValue, ...optionalFields });
export const UpdateRiskBody = z.strictObject({
  title: Title.optional(),
  domain: Domain.optional(),
  inherentLikelihood: ScoreValue.optional(),
  inherentImpact: ScoreValue.optional(),
  ...optionalFields,
  status: z.enum(['open', 'closed']).optional(),
});
const { dpiaId: _dpia, ...dpiaRiskFields } = optionalFields;
export const DpiaRiskBody = z.strictObject({ title: Title, inherentLikelihood: ScoreValue, inherentImpact: ScoreValue, ...dpiaRiskFields });

export const AcceptBody = z.strictObject({
  deciderFunction: z.string().trim().min(1).max(200).describe('functie van wie besluit, bijv. burgemeester namens het college'),
  reason: z.string().trim().min(10).max(4000),
  validUntil: IsoDate.describe('na vandaag en uiterlijk drie jaar vooruit'),
});
export const RevokeBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const HistoryList = z.object({
  items: z.array(
    z.object({
      at: Timestamp,
      by: z.object({ id: Uuid, name: z.string() }).nullable(),
      cause: z.string().describe('create, edit, measures, treatment, accept, matrix, close of reopen'),
      inherent: ScoreDto,
      residual: ScoreDto,
    }),
  ),
});

/* ---------- overview and trend ---------- */

const LevelCounts = z.object({ laag: Int, midden: Int, hoog: Int, kritiek: Int });

export const OverviewQuery = z.strictObject({ domain: Domain.optional() });
export const OverviewDto = z
  .object({
    matrix: MatrixDto,
    inherent: z.array(z.array(Int)).describe('inherent[kans-1][impact-1] = aantal open risico’s met die bruto score'),
    residual: z.array(z.array(Int)).describe('residual[kans-1][impact-1] = aantal open risico’s met dat restrisico'),
    byDomain: z.array(z.object({ domain: Domain, total: Int, residual: LevelCounts })),
    top: z.array(z.object({ domain: Domain, risks: z.array(RiskSummaryDto) })).describe('per domein de (max. 5) hoogste restrisico’s'),
    reviewDue: Int.describe('open risico’s met een reviewdatum die verstreken is of binnen 14 dagen valt'),
    acceptancesExpiring: Int.describe('geaccepteerde open risico’s waarvan de acceptatie binnen 30 dagen afloopt of al is afgelopen'),
  })
  .meta({ id: 'RiskOverview' });

export const TrendQuery = z.strictObject({ months: z.coerce.number().int().min(1).max(36).default(12) });
export const TrendDto = z.object({
  months: z.array(z.object({ month: z.string().describe('JJJJ-MM'), open: Int, inherent: LevelCounts, residual: LevelCounts })),
});

/* ---------- threats and DPIAs ---------- */

export const ThreatList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), description: z.string() })) });

export const DpiaOutcome = z.enum(DPIA_OUTCOMES);
export const DpiaDto = z
  .object({
    id: Uuid,
    name: z.string(),
    processing: z.string(),
    asset: z.object({ id: Uuid, name: z.string() }).nullable().describe('het proces waar de verwerking bij hoort'),
    outcome: DpiaOutcome,
    conductedOn: z.string(),
    notes: z.string(),
    risks: Int.describe('aantal risico’s uit deze DPIA'),
  })
  .meta({ id: 'Dpia' });
export const DpiaList = z.object({ items: z.array(DpiaDto) });
export const DpiaParams = z.strictObject({ org: z.string().min(1).max(64), dpiaId: Uuid });

const dpiaFields = {
  name: z.string().trim().min(1).max(200),
  processing: z.string().trim().min(1).max(4000),
  assetId: Uuid.nullable().optional().describe('een object van de soort proces'),
  outcome: DpiaOutcome,
  conductedOn: IsoDate.describe('niet in de toekomst'),
  notes: z.string().max(10_000).optional(),
};
export const CreateDpiaBody = z.strictObject(dpiaFields);
export const UpdateDpiaBody = z.strictObject({
  name: dpiaFields.name.optional(),
  processing: dpiaFields.processing.optional(),
  assetId: dpiaFields.assetId,
  outcome: DpiaOutcome.optional(),
  conductedOn: IsoDate.optional(),
  notes: dpiaFields.notes,
});

export const FileDownload = z.any().describe('het bestand (zie content-type)');

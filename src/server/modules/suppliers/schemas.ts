import { z } from 'zod';
import { ProblemSchema, Timestamp, Uuid } from '../../core/http/schemas.js';
import { isCountryCode } from './countries.js';
import { SupplierProcurementSummary } from './procurement-schemas.js';
import { SharedStatusDto } from './shared-status-schemas.js';

const IsoDate = z.iso.date('datum als JJJJ-MM-DD');
const OrgSlug = z.string().min(1).max(64);

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .length(2, 'twee letters (ISO 3166-1 alpha-2, bijv. NL)')
  .refine(isCountryCode, 'geen bestaande landcode (ISO 3166-1 alpha-2, bijv. NL)')
  .describe('ISO 3166-1 alpha-2');
export const CountryDto = z.object({ code: z.string(), name: z.string().describe('Nederlandse naam') });

export const WARNING_CODES = ['verwerkersovereenkomst_ontbreekt', 'certificering_verlopen', 'contract_loopt_af'] as const;
export const WarningCode = z.enum(WARNING_CODES);
export const CERTIFICATION_KINDS = ['iso27001', 'isae3402', 'soc2', 'nen7510', 'anders'] as const;
export const AGREEMENT_MODELS = ['vng_model', 'anders'] as const;
export const JOINT_ARRANGEMENT_KINDS = ['gemeenschappelijke_regeling', 'samenwerkingsverband', 'convenant', 'anders'] as const;

/* ---------- nested parts ---------- */

export const ContractDto = z.object({
  id: Uuid,
  title: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  valueCents: z.number().int().nullable().describe('contractwaarde in eurocent'),
  noticePeriodDays: z.number().int().nullable(),
  noticeDeadline: z.string().nullable().describe('laatste dag om op te zeggen: einddatum min opzegtermijn'),
  exitPlan: z.string(),
  createdAt: Timestamp,
});
export const ProcessingAgreementDto = z.object({
  id: Uuid,
  signed: z.boolean(),
  signedOn: z.string().nullable(),
  model: z.enum(AGREEMENT_MODELS),
  modelVersion: z.string().nullable(),
  notes: z.string(),
  createdAt: Timestamp,
});
export const CertificationDto = z.object({
  id: Uuid,
  kind: z.enum(CERTIFICATION_KINDS),
  name: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(['geldig', 'verloopt_binnenkort', 'verlopen', 'onbekend']).describe('verloopt_binnenkort: binnen 60 dagen'),
  createdAt: Timestamp,
});
export const SupplierRef = z.object({ id: Uuid, name: z.string(), highRisk: z.boolean() });

export const SupplierDto = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string(),
    website: z.string().nullable(),
    registrationNumber: z.string().nullable().describe('KvK-nummer of ander registratienummer'),
    countryOfOrigin: CountryDto.nullable(),
    processingCountries: z.array(CountryDto),
    processesPersonalData: z.boolean(),
    highRisk: z.boolean().describe('land van herkomst of van verwerking staat op de lijst van de installatie'),
    highRiskReasons: z.array(
      z.object({ country: CountryDto, role: z.enum(['herkomst', 'verwerking']), reason: z.string() }),
    ),
    warnings: z.array(z.object({ code: WarningCode, message: z.string() })),
    contracts: z.array(ContractDto),
    processingAgreements: z.array(ProcessingAgreementDto),
    certifications: z.array(CertificationDto),
    subprocessors: z.array(SupplierRef),
    subprocessorOf: z.array(SupplierRef).describe('leveranciers die deze leverancier als subverwerker inzetten'),
    procurement: z.array(SupplierProcurementSummary).describe('de sets inkoopeisen waarin deze leverancier minstens één antwoord heeft, met telling'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Supplier' });

export const SupplierList = z.object({ items: z.array(SupplierDto), total: z.number().int(), nextCursor: z.string().nullable() });

const Bool = z.enum(['true', 'false']);
export const SupplierQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().describe('zoekt in naam, registratienummer en omschrijving'),
  highRisk: Bool.optional(),
  warning: WarningCode.optional(),
  processesPersonalData: Bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(600).optional(),
});

export const SupplierParams = z.strictObject({ org: OrgSlug, supplierId: Uuid });
export const ContractParams = z.strictObject({ org: OrgSlug, supplierId: Uuid, contractId: Uuid });
export const AgreementParams = z.strictObject({ org: OrgSlug, supplierId: Uuid, agreementId: Uuid });
export const CertificationParams = z.strictObject({ org: OrgSlug, supplierId: Uuid, certificationId: Uuid });
export const SubprocessorParams = z.strictObject({ org: OrgSlug, supplierId: Uuid, subprocessorId: Uuid });
export const ForceQuery = z.strictObject({
  force: Bool.optional().describe('true: ook de afhankelijkheden (koppelingen) van en naar dit onderdeel verwijderen'),
});

const Name = z.string().trim().min(2).max(200);
const Description = z.string().max(10_000);
const Website = z.url({ protocol: /^https?$/, error: 'geen geldige http(s)-URL' }).max(500);
const Registration = z.string().trim().min(1).max(40);

export const CreateSupplierBody = z.strictObject({
  name: Name,
  description: Description.default(''),
  website: Website.nullable().optional(),
  registrationNumber: Registration.nullable().optional(),
  countryOfOrigin: CountryCode.nullable().optional(),
  processingCountries: z.array(CountryCode).max(50).default([]),
  processesPersonalData: z.boolean().default(false),
});
export const UpdateSupplierBody = z.strictObject({
  name: Name.optional(),
  description: Description.optional(),
  website: Website.nullable().optional(),
  registrationNumber: Registration.nullable().optional(),
  countryOfOrigin: CountryCode.nullable().optional(),
  processingCountries: z.array(CountryCode).max(50).optional(),
  processesPersonalData: z.boolean().optional(),
});

const ContractFields = {
  title: z.string().trim().min(2).max(300),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  valueCents: z.number().int().min(0).max(1e15).nullable(),
  noticePeriodDays: z.number().int().min(0).max(3650).nullable(),
  exitPlan: z.string().max(10_000),
};
export const CreateContractBody = z.strictObject({
  title: ContractFields.title,
  startDate: ContractFields.startDate.optional(),
  endDate: ContractFields.endDate.optional(),
  valueCents: ContractFields.valueCents.optional(),
  noticePeriodDays: ContractFields.noticePeriodDays.optional(),
  exitPlan: ContractFields.exitPlan.default(''),
});
export const UpdateContractBody = z.strictObject({
  title: ContractFields.title.optional(),
  startDate: ContractFields.startDate.optional(),
  endDate: ContractFields.endDate.optional(),
  valueCents: ContractFields.valueCents.optional(),
  noticePeriodDays: ContractFields.noticePeriodDays.optional(),
  exitPlan: ContractFields.exitPlan.optional(),
});

export const CreateAgreementBody = z.strictObject({
  signed: z.boolean(),
  signedOn: IsoDate.nullable().optional(),
  model: z.enum(AGREEMENT_MODELS),
  modelVersion: z.string().trim().min(1).max(60).nullable().optional().describe('bijv. VNG Model Verwerkersovereenkomst 2.0'),
  notes: z.string().max(10_000).default(''),
});
export const UpdateAgreementBody = z.strictObject({
  signed: z.boolean().optional(),
  signedOn: IsoDate.nullable().optional(),
  model: z.enum(AGREEMENT_MODELS).optional(),
  modelVersion: z.string().trim().min(1).max(60).nullable().optional(),
  notes: z.string().max(10_000).optional(),
});

export const CreateCertificationBody = z.strictObject({
  kind: z.enum(CERTIFICATION_KINDS),
  name: z.string().trim().max(200).default(''),
  validUntil: IsoDate.nullable().optional(),
});
export const UpdateCertificationBody = z.strictObject({
  kind: z.enum(CERTIFICATION_KINDS).optional(),
  name: z.string().trim().max(200).optional(),
  validUntil: IsoDate.nullable().optional(),
});

/* ---------- dependants (409 on delete) ---------- */

export const DependantsProblem = ProblemSchema.extend({
  dependants: z.array(z.object({ type: z.string(), id: Uuid, name: z.string(), kind: z.string() })).describe('onderdelen die hiervan afhangen'),
}).meta({ id: 'DependantsProblem' });

/* ---------- high-risk countries ---------- */

export const HighRiskCountryDto = z.object({ code: z.string(), name: z.string(), reason: z.string(), addedAt: Timestamp }).meta({ id: 'HighRiskCountry' });
export const HighRiskCountryList = z.object({ items: z.array(HighRiskCountryDto) });
export const HighRiskCountryParams = z.strictObject({ code: CountryCode });
export const HighRiskCountryBody = z.strictObject({ reason: z.string().trim().min(3).max(2000) });

/* ---------- joint arrangements ---------- */

export const JointArrangementDto = z
  .object({
    id: Uuid,
    name: z.string(),
    kind: z.enum(JOINT_ARRANGEMENT_KINDS),
    description: z.string().describe('wat de regeling voor de gemeente doet'),
    accountable: z.string().describe('wie verantwoordelijk is (bestuurder of functie)'),
    lastCouncilReport: z.string().nullable().describe('wanneer de raad voor het laatst een rapportage kreeg'),
    linkedOrganisation: z.object({ slug: z.string(), name: z.string() }).nullable().describe('de regeling als organisatie in Weerbaar'),
    sharedStatus: SharedStatusDto.nullable().describe('de status die de gekoppelde organisatie deelt; null zonder koppeling of zolang zij niets publiceert'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'JointArrangement' });
export const JointArrangementList = z.object({ items: z.array(JointArrangementDto), total: z.number().int(), nextCursor: z.string().nullable() });
export const JointArrangementQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(JOINT_ARRANGEMENT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(600).optional(),
});
export const JointArrangementParams = z.strictObject({ org: OrgSlug, arrangementId: Uuid });
const LinkedSlug = z.string().trim().min(1).max(64).nullable().describe('slug van een organisatie van het soort samenwerkingsverband');
export const CreateJointArrangementBody = z.strictObject({
  name: Name,
  kind: z.enum(JOINT_ARRANGEMENT_KINDS),
  description: Description.default(''),
  accountable: z.string().trim().max(300).default(''),
  lastCouncilReport: IsoDate.nullable().optional(),
  linkedOrganisation: LinkedSlug.optional(),
});
export const UpdateJointArrangementBody = z.strictObject({
  name: Name.optional(),
  kind: z.enum(JOINT_ARRANGEMENT_KINDS).optional(),
  description: Description.optional(),
  accountable: z.string().trim().max(300).optional(),
  lastCouncilReport: IsoDate.nullable().optional(),
  linkedOrganisation: LinkedSlug.optional(),
});

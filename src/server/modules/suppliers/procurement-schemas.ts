import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const PROCUREMENT_ANSWERS = ['voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_van_toepassing', 'onbekend'] as const;
export const ProcurementAnswer = z.enum(PROCUREMENT_ANSWERS);
export const MAX_ANSWERS = 500;

const OrgSlug = z.string().min(1).max(64);
const SetId = z.string().min(3).max(120).describe('id van de set inkoopeisen, bijv. weerbaar:inkoopeisen-informatiebeveiliging');

export const ProcurementSetRef = z.object({ id: z.string(), name: z.string(), title: z.string(), version: z.string() });

export const ProcurementSetList = z.object({
  items: z.array(ProcurementSetRef.extend({ requirements: z.number().int().describe('aantal te beantwoorden eisen') })),
});

export const ProcurementSummary = z
  .object({
    voldoet: z.number().int(),
    voldoet_deels: z.number().int(),
    voldoet_niet: z.number().int(),
    niet_van_toepassing: z.number().int(),
    onbekend: z.number().int(),
    unanswered: z.number().int().describe('eisen zonder antwoord'),
  })
  .meta({ id: 'ProcurementSummary' });

export const SupplierProcurementDto = z
  .object({
    set: ProcurementSetRef,
    summary: ProcurementSummary,
    items: z.array(
      z.object({
        requirementId: Uuid,
        ref: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        chapterRef: z.string().nullable().describe('het hoofdstuk; null bij een hoofdstuk zelf'),
        answer: ProcurementAnswer.nullable().describe('null: nog niet beantwoord, of een hoofdstuk (dat krijgt geen antwoord)'),
        note: z.string(),
        source: z.string().describe('waar het antwoord op steunt: verklaring van de leverancier, certificaat, auditrapport …'),
        answeredAt: Timestamp.nullable(),
        answeredBy: z.object({ id: Uuid, name: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'SupplierProcurement' });

/** On the supplier: the sets it has at least one answer in. */
export const SupplierProcurementSummary = z.object({ setId: z.string(), title: z.string(), summary: ProcurementSummary });

export const SetsParams = z.strictObject({ org: OrgSlug });
export const ProcurementParams = z.strictObject({ org: OrgSlug, supplierId: Uuid, setId: SetId });

export const PutAnswersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        requirementId: Uuid,
        answer: ProcurementAnswer.nullable().describe('null haalt het antwoord weg'),
        note: z.string().max(2000).optional().describe('weggelaten: de toelichting blijft zoals ze was'),
        source: z.string().trim().max(500).optional().describe('weggelaten: de bron blijft zoals ze was'),
      }),
    )
    .min(1, 'geef minstens één antwoord')
    .max(MAX_ANSWERS, `hoogstens ${MAX_ANSWERS} antwoorden per keer`),
});

import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const NODE_TYPES = ['asset', 'supplier', 'joint_arrangement'] as const;
export const NodeType = z.enum(NODE_TYPES);
export const DEPENDENCY_KINDS = ['gebruikt', 'draait_op', 'geleverd_door', 'gehost_bij', 'uitbesteed_aan', 'afhankelijk_van'] as const;
export const DependencyKind = z.enum(DEPENDENCY_KINDS);
export const PROCESS_STATUSES = ['mtd_overschreden', 'rto_overschreden', 'onbekend', 'binnen_rto'] as const;
export const ProcessStatus = z.enum(PROCESS_STATUSES);

const OrgSlug = z.string().min(1).max(64);

/** A node of the graph as labelled by the module that owns it; name null when the node no longer exists. */
export const NodeDto = z
  .object({
    id: Uuid,
    type: NodeType,
    kind: z.string().nullable().describe('soort asset of gemeenschappelijke regeling; null voor leveranciers'),
    name: z.string().nullable(),
  })
  .meta({ id: 'GraphNode' });

export const DependencyDto = z
  .object({
    id: Uuid,
    from: NodeDto.describe('het knooppunt dat afhankelijk is'),
    to: NodeDto.describe('het knooppunt waarvan het afhankelijk is'),
    kind: DependencyKind,
    note: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Dependency' });

export const DependencyList = z.object({ items: z.array(DependencyDto), nextCursor: z.string().nullable() });

export const DependencyQuery = z.strictObject({
  node: Uuid.optional().describe('alleen afhankelijkheden van en naar dit knooppunt'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(400).optional(),
});

const NodeRef = z.strictObject({ type: NodeType, id: Uuid });

export const CreateDependencyBody = z.strictObject({
  from: NodeRef.describe('het knooppunt dat afhankelijk is ("van")'),
  to: NodeRef.describe('het knooppunt waarvan het afhankelijk is ("naar")'),
  kind: DependencyKind,
  note: z.string().max(2000).default(''),
});

export const DependencyParams = z.strictObject({ org: OrgSlug, dependencyId: Uuid });

const Hours = z.coerce.number().min(0).max(100_000);

export const CascadeQuery = z.strictObject({
  node: Uuid.describe('het knooppunt dat uitvalt'),
  outageHours: Hours.describe('verwachte duur van de uitval in uren'),
});

export const AffectedProcessDto = z.object({
  id: Uuid,
  name: z.string(),
  criticality: z.string().nullable(),
  rtoHours: z.number().nullable(),
  mtdHours: z.number().nullable(),
  depth: z.number().int(),
  status: ProcessStatus,
});

const GraphDto = z.object({
  nodes: z.array(NodeDto.extend({ depth: z.number().int() })),
  edges: z.array(z.object({ id: Uuid, from: Uuid, to: Uuid, kind: DependencyKind })),
});

export const CascadeDto = z
  .object({
    node: NodeDto,
    outageHours: z.number(),
    affected: z.array(
      NodeDto.extend({
        depth: z.number().int().describe('kortste afstand tot het uitgevallen knooppunt'),
        path: z.array(Uuid).describe('één kortste pad: dit knooppunt, …, het uitgevallen knooppunt'),
      }),
    ),
    processes: z.array(AffectedProcessDto).describe('geraakte processen, ernstigste eerst'),
    graph: GraphDto,
    truncated: z.boolean().describe('true als de keten dieper gaat dan de maximale diepte'),
  })
  .meta({ id: 'Cascade' });

export const ConcentrationQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export const ConcentrationDto = z
  .object({
    items: z.array(
      z.object({
        supplier: z.object({ id: Uuid, name: z.string().nullable(), registrationNumber: z.string().nullable(), highRisk: z.boolean() }),
        criticalProcesses: z.number().int().describe('processen met kritikaliteit hoog of vitaal'),
        processes: z.number().int(),
        dependants: z.number().int().describe('alle knooppunten die (indirect) van de leverancier afhangen'),
      }),
    ),
  })
  .meta({ id: 'Concentration' });

/** Processes per gemeente in the overview; one gemeente (`gemeente`) comes with all of them. */
export const ACROSS_PROCESSES_DEFAULT = 5;

export const AcrossQuery = z.strictObject({
  registrationNumber: z.string().trim().min(1).max(40).describe('KvK-nummer (of andere registratie) van de leverancier'),
  outageHours: Hours.describe('verwachte duur van de uitval in uren'),
  gemeente: OrgSlug.optional().describe('alleen deze aangesloten gemeente, met al haar geraakte processen'),
  processesPerGemeente: z.coerce
    .number()
    .int()
    .min(0)
    .max(1000)
    .optional()
    .describe(`zonder gemeente: hoeveel processen per gemeente (de ernstigst geraakte eerst; standaard ${ACROSS_PROCESSES_DEFAULT})`),
});

export const AcrossSupplierQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).describe('(deel van de) naam of het KvK-nummer'),
});

export const AcrossSupplierList = z
  .object({
    linkedGemeenten: z.number().int().describe('aantal aangesloten gemeenten waarin is gezocht'),
    items: z.array(
      z.object({
        registrationNumber: z.string(),
        names: z.array(z.string()).describe('de namen waaronder de gemeenten deze leverancier kennen (max. 5)'),
        organisations: z.number().int().describe('aantal gemeenten met deze leverancier'),
      }),
    ),
  })
  .meta({ id: 'AcrossSupplierList' });

export const AcrossDto = z
  .object({
    registrationNumber: z.string(),
    outageHours: z.number(),
    linkedGemeenten: z.number().int().describe('aantal aangesloten gemeenten'),
    items: z.array(
      z.object({
        organisation: z.object({ slug: z.string(), name: z.string() }),
        suppliers: z.array(z.object({ id: Uuid, name: z.string() })),
        affectedProcesses: z.number().int(),
        worstStatus: ProcessStatus.nullable(),
        statusCounts: z.record(ProcessStatus, z.number().int()).describe('geraakte processen per status'),
        processes: z.array(AffectedProcessDto).describe('de ernstigst geraakte processen (alle als gemeente is opgegeven); affectedProcesses zegt hoeveel er zijn'),
      }),
    ),
  })
  .meta({ id: 'CascadeAcross' });

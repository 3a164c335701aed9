import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * Global tables (installation-wide, reached only through system transactions):
 * users, organisations, organisation_links, sessions, api_tokens, login_attempts,
 * oidc_states, setup_tokens, alerts.
 * Tenant tables (organisation_id + row-level security, see migrations/0001_rls.sql):
 * memberships, invitations, organisation_oidc, audit_events, audit_heads.
 */

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    language: text('language').notNull().default('nl'),
    isInstallationAdmin: boolean('is_installation_admin').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const organisations = pgTable('organisations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  mfaRequired: boolean('mfa_required').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A gemeente connects to a CSIRT and belongs to a veiligheidsregio. */
export const organisationLinks = pgTable(
  'organisation_links',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // 'csirt' | 'veiligheidsregio'
    targetId: uuid('target_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind] }), index('organisation_links_target_idx').on(t.targetId)],
);

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: text('roles').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    roles: text('roles').array().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [index('invitations_org_idx').on(t.organisationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mfaPending: boolean('mfa_pending').notNull().default(false),
    mfaVerifiedAt: timestamp('mfa_verified_at', { withTimezone: true }),
    authMethod: text('auth_method').notNull().default('password'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    emailHash: text('email_hash').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_idx').on(t.emailHash, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

export const organisationOidc = pgTable('organisation_oidc', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretEnc: text('client_secret_enc'),
  label: text('label').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const oidcStates = pgTable('oidc_states', {
  state: text('state').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: createdAt(),
});

export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: createdAt(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_events_chain_seq_key').on(t.chain, t.seq), index('audit_events_org_seq_idx').on(t.organisationId, t.seq)],
);

export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const alerts = pgTable('alerts', {
  id: id(),
  organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  details: jsonb('details').notNull().default({}),
  createdAt: createdAt(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});

/*
 * Compliance library (global, read-only for organisations): frameworks, their requirements and
 * mapping sets, loaded from catalogs/ at start or imported by an installation administrator.
 */
export const frameworks = pgTable('frameworks', {
  id: text('id').primaryKey(),
  version: text('version').notNull(),
  /** framework (assessed per verantwoordingsjaar) | procurement (harmonised procurement requirements, answered per supplier) */
  kind: text('kind').notNull().default('framework'),
  name: text('name').notNull(),
  title: jsonb('title').notNull(),
  provider: text('provider').notNull(),
  packager: text('packager'),
  licence: text('licence').notNull(),
  attribution: text('attribution'),
  language: text('language').notNull(),
  description: text('description'),
  origin: text('origin').notNull(), // 'catalog' | 'import'
  contentHash: text('content_hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const requirements = pgTable(
  'requirements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    parentRef: text('parent_ref'),
    /** the top-level ancestor (chapter), for progress per chapter */
    chapterRef: text('chapter_ref'),
    position: bigint('position', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    assessable: boolean('assessable').notNull(),
    status: text('status').notNull().default('active'),
    replacedBy: text('replaced_by'),
    isoControl: text('iso_control'),
    cbwScope: boolean('cbw_scope'),
    legalReference: text('legal_reference'),
  },
  (t) => [uniqueIndex('requirements_framework_ref_key').on(t.frameworkId, t.ref)],
);

export const mappingSets = pgTable('mapping_sets', {
  id: text('id').primaryKey(),
  version: text('version').notNull(),
  title: jsonb('title').notNull(),
  provider: text('provider').notNull(),
  licence: text('licence').notNull(),
  attribution: text('attribution'),
  description: text('description'),
  sourceFrameworkId: text('source_framework_id')
    .notNull()
    .references(() => frameworks.id, { onDelete: 'cascade' }),
  targetFrameworkId: text('target_framework_id')
    .notNull()
    .references(() => frameworks.id, { onDelete: 'cascade' }),
  generated: boolean('generated').notNull().default(false),
  origin: text('origin').notNull(),
  contentHash: text('content_hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const mappings = pgTable(
  'mappings',
  {
    mappingSetId: text('mapping_set_id')
      .notNull()
      .references(() => mappingSets.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    relationship: text('relationship').notNull(), // equal | subset | superset | intersect
    strength: bigint('strength', { mode: 'number' }).notNull(),
    rationale: text('rationale').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mappingSetId, t.sourceId, t.targetId] }),
    index('mappings_source_idx').on(t.sourceId),
    index('mappings_target_idx').on(t.targetId),
  ],
);

/* Measures (maatregelen): an organisation's own implemented controls, linked to requirements. */
export const measures = pgTable(
  'measures',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull(), // gepland | in_uitvoering | geimplementeerd | vervallen
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('measures_org_idx').on(t.organisationId, t.title)],
);

export const measureRequirements = pgTable(
  'measure_requirements',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    coverage: text('coverage').notNull(), // full | partial
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.requirementId] }),
    index('measure_requirements_org_req_idx').on(t.organisationId, t.requirementId),
  ],
);

/* The yearly ENSIA cycle: a verantwoordingsjaar per organisation with an assessment per requirement. */
export const assessmentYears = pgTable(
  'assessment_years',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: bigint('year', { mode: 'number' }).notNull(),
    frameworkIds: text('framework_ids').array().notNull(),
    phase: text('phase').notNull().default('zelfevaluatie'), // zelfevaluatie | collegeverklaring | audit | verantwoording
    createdAt: createdAt(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedByUserId: uuid('signed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    signerName: text('signer_name'),
    signerFunction: text('signer_function'),
    statement: text('statement'),
    snapshot: jsonb('snapshot'),
    snapshotHash: text('snapshot_hash'),
  },
  (t) => [uniqueIndex('assessment_years_org_year_key').on(t.organisationId, t.year)],
);

export const requirementAssessments = pgTable(
  'requirement_assessments',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    yearId: uuid('year_id')
      .notNull()
      .references(() => assessmentYears.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    frameworkId: text('framework_id').notNull(),
    applicable: boolean('applicable').notNull().default(true),
    notApplicableReason: text('not_applicable_reason'),
    result: text('result').notNull().default('niet_beoordeeld'), // voldoet | voldoet_deels | voldoet_niet | niet_beoordeeld
    explanation: text('explanation').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: text('due_date'),
    auditorRemarks: text('auditor_remarks').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.yearId, t.requirementId] }),
    index('requirement_assessments_org_idx').on(t.organisationId, t.yearId, t.frameworkId),
  ],
);

/**
 * Maintained aggregate: progress of an organisation's year per framework. Written with every change
 * to the year's assessments; shared (only these numbers) with the CSIRT and veiligheidsregio the
 * organisation is linked to, for their overview of all connected gemeenten.
 */
export const complianceProgress = pgTable(
  'compliance_progress',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: bigint('year', { mode: 'number' }).notNull(),
    frameworkId: text('framework_id').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    applicable: bigint('applicable', { mode: 'number' }).notNull(),
    voldoet: bigint('voldoet', { mode: 'number' }).notNull(),
    voldoetDeels: bigint('voldoet_deels', { mode: 'number' }).notNull(),
    voldoetNiet: bigint('voldoet_niet', { mode: 'number' }).notNull(),
    nietBeoordeeld: bigint('niet_beoordeeld', { mode: 'number' }).notNull(),
    phase: text('phase').notNull(),
    signed: boolean('signed').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year, t.frameworkId] }), index('compliance_progress_year_idx').on(t.year, t.frameworkId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/*
 * Evidence (bewijs): a file or a link with a validity period, reusable across measures and
 * requirement assessments. File content sits behind the storage port (core/storage): in the
 * data folder or in the database table file_blobs.
 */
export const evidence = pgTable(
  'evidence',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // file | link | signal
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    url: text('url'),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    storageKey: text('storage_key'),
    validFrom: text('valid_from'), // ISO date
    validUntil: text('valid_until'), // ISO date; null = no expiry
    /** last reminder stage sent: 'soon' (within 30 days) or 'expired' */
    reminded: text('reminded'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('evidence_org_valid_idx').on(t.organisationId, t.validUntil), index('evidence_org_created_idx').on(t.organisationId, t.createdAt)],
);

export const fileBlobs = pgTable(
  'file_blobs',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
);

export const measureEvidence = pgTable(
  'measure_evidence',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.evidenceId] }), index('measure_evidence_evidence_idx').on(t.evidenceId)],
);

export const assessmentEvidence = pgTable(
  'assessment_evidence',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    yearId: uuid('year_id')
      .notNull()
      .references(() => assessmentYears.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.yearId, t.requirementId, t.evidenceId] }), index('assessment_evidence_evidence_idx').on(t.evidenceId)],
);

/* Machine observations against a measure (scanner, monitoring); the latest per source+check is kept in measure_signal_state. */
export const signals = pgTable(
  'signals',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    check: text('check').notNull(),
    passed: boolean('passed').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    details: jsonb('details'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('signals_measure_idx').on(t.organisationId, t.measureId, t.observedAt)],
);

export const measureSignalState = pgTable(
  'measure_signal_state',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    check: text('check').notNull(),
    passed: boolean('passed').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    signalId: uuid('signal_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.source, t.check] }), index('measure_signal_state_org_idx').on(t.organisationId, t.passed)],
);

/* Audit findings on a year (by the auditor); each becomes a tracked action. */
export const auditFindings = pgTable(
  'audit_findings',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    yearId: uuid('year_id')
      .notNull()
      .references(() => assessmentYears.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id').references(() => requirements.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity').notNull(), // hoog | midden | laag
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('audit_findings_year_idx').on(t.organisationId, t.yearId)],
);

/* Tracked actions (acties): from audit findings now; from incidents' lessons learned and risks later. */
export const actions = pgTable(
  'actions',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: text('due_date'),
    status: text('status').notNull().default('open'), // open | in_uitvoering | afgerond | vervallen
    sourceType: text('source_type').notNull(), // audit_finding | handmatig
    sourceId: uuid('source_id'),
    measureId: uuid('measure_id').references(() => measures.id, { onDelete: 'set null' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('actions_org_status_idx').on(t.organisationId, t.status, t.dueDate), index('actions_source_idx').on(t.sourceId)],
);

/* The in-app inbox: reminders and notices per user within an organisation. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_org_idx').on(t.organisationId)],
);

/*
 * An organisation's local copy of official requirement text (e.g. from the official BIO2
 * spreadsheet it has a licence for). Shown to that organisation only, beside our own titles.
 */
export const requirementTexts = pgTable(
  'requirement_texts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.requirementId] })],
);

/*
 * Assets (issue: risks, assets, suppliers): the organisation's processes, applications, systems,
 * data sets, locations and operational technology, in one table with a kind.
 */
export const assets = pgTable(
  'assets',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // proces | applicatie | systeem | gegevensverzameling | locatie | ot
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    criticality: text('criticality'), // laag | midden | hoog | vitaal
    /** BIV classification: beschikbaarheid, integriteit, vertrouwelijkheid — laag | midden | hoog */
    availability: text('availability'),
    integrity: text('integrity'),
    confidentiality: text('confidentiality'),
    personalData: boolean('personal_data').notNull().default(false),
    personalDataCategories: text('personal_data_categories').array().notNull().default(sql`'{}'::text[]`),
    /** business-impact figures (processes), in hours */
    rtoHours: bigint('rto_hours', { mode: 'number' }),
    rpoHours: bigint('rpo_hours', { mode: 'number' }),
    mtdHours: bigint('mtd_hours', { mode: 'number' }),
    /** software (applications, systems): what the advisories module matches on */
    vendor: text('vendor'),
    product: text('product'),
    version: text('version'),
    cpe: text('cpe'),
    purl: text('purl'),
    /** operational technology */
    otType: text('ot_type'), // brug | sluis | gemaal | verkeersregeling | overig
    remoteAccess: boolean('remote_access'),
    remoteAccessHow: text('remote_access_how'),
    location: text('location'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assets_org_kind_name_idx').on(t.organisationId, t.kind, t.name),
    index('assets_org_name_idx').on(t.organisationId, t.name),
    // the processes of many gemeenten at once (the CSIRT view): a small index instead of reading every asset
    index('assets_processes_idx')
      .on(t.organisationId, t.id)
      .where(sql`kind = 'proces'`),
  ],
);

export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    website: text('website'),
    /** KvK number (or another registration): how a CSIRT recognises the same supplier across gemeenten */
    registrationNumber: text('registration_number'),
    /** ISO 3166-1 alpha-2 */
    countryOfOrigin: text('country_of_origin'),
    processingCountries: text('processing_countries').array().notNull().default(sql`'{}'::text[]`),
    processesPersonalData: boolean('processes_personal_data').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('suppliers_org_name_idx').on(t.organisationId, t.name), index('suppliers_registration_idx').on(t.registrationNumber)],
);

export const supplierContracts = pgTable(
  'supplier_contracts',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    valueCents: bigint('value_cents', { mode: 'number' }),
    noticePeriodDays: bigint('notice_period_days', { mode: 'number' }),
    exitPlan: text('exit_plan').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('supplier_contracts_supplier_idx').on(t.supplierId), index('supplier_contracts_org_end_idx').on(t.organisationId, t.endDate)],
);

/* Verwerkersovereenkomsten */
export const processingAgreements = pgTable(
  'processing_agreements',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    signed: boolean('signed').notNull(),
    signedOn: text('signed_on'),
    model: text('model').notNull(), // vng_model | anders
    modelVersion: text('model_version'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('processing_agreements_supplier_idx').on(t.supplierId)],
);

export const supplierCertifications = pgTable(
  'supplier_certifications',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // iso27001 | isae3402 | soc2 | nen7510 | anders
    name: text('name').notNull().default(''),
    validUntil: text('valid_until'),
    createdAt: createdAt(),
  },
  (t) => [index('supplier_certifications_supplier_idx').on(t.supplierId), index('supplier_certifications_org_valid_idx').on(t.organisationId, t.validUntil)],
);

export const supplierSubprocessors = pgTable(
  'supplier_subprocessors',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    subprocessorId: uuid('subprocessor_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
  },
  // the reverse index: "sub-processor of" on every supplier page and list
  (t) => [primaryKey({ columns: [t.supplierId, t.subprocessorId] }), index('supplier_subprocessors_subprocessor_idx').on(t.subprocessorId)],
);

/* Countries with offensive cyber programmes, maintained by the installation admin (global). */
export const highRiskCountries = pgTable('high_risk_countries', {
  countryCode: text('country_code').primaryKey(),
  reason: text('reason').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});

/* Gemeenschappelijke regelingen and other samenwerkingsverbanden. */
export const jointArrangements = pgTable(
  'joint_arrangements',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // gemeenschappelijke_regeling | samenwerkingsverband | convenant | anders
    description: text('description').notNull().default(''),
    accountable: text('accountable').notNull().default(''),
    lastCouncilReport: text('last_council_report'),
    /** when the arrangement is itself an organisation in Weerbaar */
    linkedOrganisationId: uuid('linked_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('joint_arrangements_org_name_idx').on(t.organisationId, t.name)],
);

/*
 * Typed dependencies between assets, suppliers and joint arrangements: "from depends on to".
 * Nodes are polymorphic (type + id), so deleting a node checks its dependants in the use case.
 */
export const dependencies = pgTable(
  'dependencies',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fromType: text('from_type').notNull(), // asset | supplier | joint_arrangement
    fromId: uuid('from_id').notNull(),
    toType: text('to_type').notNull(),
    toId: uuid('to_id').notNull(),
    kind: text('kind').notNull(), // gebruikt | draait_op | geleverd_door | gehost_bij | uitbesteed_aan | afhankelijk_van
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dependencies_edge_key').on(t.organisationId, t.fromId, t.toId, t.kind),
    index('dependencies_to_idx').on(t.organisationId, t.toId),
    index('dependencies_from_idx').on(t.organisationId, t.fromId),
  ],
);

/*
 * Risk register (issue: risks, assets, suppliers). One configurable matrix per organisation;
 * risks of every domain scored on it, inherent and residual; links to assets, suppliers, joint
 * arrangements, threats and measures; acceptance decisions; the history of every score change.
 */

/** The organisation's risk matrix. Absent = the default 5×5 (see src/shared/risk-matrix.ts). */
export const riskMatrices = pgTable('risk_matrices', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** labels from low to high; the length (3..6) is the matrix size */
  likelihoodLabels: text('likelihood_labels').array().notNull(),
  impactLabels: text('impact_labels').array().notNull(),
  /** upper bounds of the score (likelihood × impact) for laag, midden, hoog; above: kritiek */
  levelBounds: bigint('level_bounds', { mode: 'number' }).array().notNull(),
  /** per level (laag | midden | hoog | kritiek) the roles whose holder may accept a risk at that level */
  acceptanceRoles: jsonb('acceptance_roles').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Threats: installation-wide catalog (catalogs/threats/threats.json), read-only for organisations. */
export const threats = pgTable('threats', {
  id: text('id').primaryKey(),
  name: jsonb('name').notNull(), // { nl, en }
  category: text('category').notNull(),
  description: text('description').notNull().default(''),
  position: bigint('position', { mode: 'number' }).notNull(),
});

/* DPIA records (gegevensbeschermingseffectbeoordelingen): a privacy risk can come from one. */
export const dpiaRecords = pgTable(
  'dpia_records',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    processing: text('processing').notNull(),
    /** the process (asset of kind proces) the processing belongs to, when recorded */
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'set null' }),
    outcome: text('outcome').notNull(), // aanvaardbaar | aanvaardbaar_met_maatregelen | hoog_restrisico | voorafgaande_raadpleging
    conductedOn: text('conducted_on').notNull(), // YYYY-MM-DD
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dpia_records_org_date_idx').on(t.organisationId, t.conductedOn)],
);

export const risks = pgTable(
  'risks',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** short reference per organisation, R-001, R-002 … */
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    domain: text('domain').notNull(), // digitaal | privacy | juridisch | financieel | fysiek | reputatie
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    inherentLikelihood: bigint('inherent_likelihood', { mode: 'number' }).notNull(),
    inherentImpact: bigint('inherent_impact', { mode: 'number' }).notNull(),
    /** the residual score the treatment aims at (mitigate: when all linked measures are implemented) */
    targetLikelihood: bigint('target_likelihood', { mode: 'number' }),
    targetImpact: bigint('target_impact', { mode: 'number' }),
    /** the residual score now, maintained by the use cases (mitigate: follows the measures' status) */
    residualLikelihood: bigint('residual_likelihood', { mode: 'number' }).notNull(),
    residualImpact: bigint('residual_impact', { mode: 'number' }).notNull(),
    /** residual level (laag | midden | hoog | kritiek) on the organisation's matrix, for filters and the heat map */
    residualLevel: text('residual_level').notNull(),
    inherentLevel: text('inherent_level').notNull(),
    treatment: text('treatment').notNull().default('open'), // open | mitigate | accept | transfer | avoid
    treatmentNote: text('treatment_note').notNull().default(''),
    /** transfer: to whom (insurer, supplier) */
    transferredTo: text('transferred_to'),
    status: text('status').notNull().default('open'), // open | closed
    reviewDate: text('review_date'), // YYYY-MM-DD
    dpiaId: uuid('dpia_id').references(() => dpiaRecords.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risks_org_ref_key').on(t.organisationId, t.ref),
    index('risks_org_domain_level_idx').on(t.organisationId, t.domain, t.residualLevel),
    index('risks_org_review_idx').on(t.organisationId, t.reviewDate),
  ],
);

/** What a risk concerns: assets (processes too), suppliers and joint arrangements. */
export const riskLinks = pgTable(
  'risk_links',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(), // asset | supplier | joint_arrangement
    targetId: uuid('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.targetType, t.targetId] }), index('risk_links_target_idx').on(t.organisationId, t.targetId)],
);

export const riskThreats = pgTable(
  'risk_threats',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    threatId: text('threat_id')
      .notNull()
      .references(() => threats.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.threatId] })],
);

/** Mitigation: the measures (compliance) that treat a risk. */
export const riskMeasures = pgTable(
  'risk_measures',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.measureId] }), index('risk_measures_measure_idx').on(t.organisationId, t.measureId)],
);

/** Risk acceptance: a decision by someone with the authority for the risk's level, with reason and end date. */
export const riskAcceptances = pgTable(
  'risk_acceptances',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    deciderName: text('decider_name').notNull(),
    deciderFunction: text('decider_function').notNull(),
    /** the role that gave the authority (from the matrix's acceptance roles) */
    authorityRole: text('authority_role').notNull(),
    /** the residual level and score that was accepted */
    level: text('level').notNull(),
    likelihood: bigint('likelihood', { mode: 'number' }).notNull(),
    impact: bigint('impact', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    validUntil: text('valid_until').notNull(), // YYYY-MM-DD
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('risk_acceptances_risk_idx').on(t.riskId, t.decidedAt), index('risk_acceptances_org_valid_idx').on(t.organisationId, t.validUntil)],
);

/** Every score change of a risk (append-only): the trend and the risk's own history. */
export const riskScoreHistory = pgTable(
  'risk_score_history',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** create | edit | measures | treatment | accept | matrix | close | reopen */
    cause: text('cause').notNull(),
    inherentLikelihood: bigint('inherent_likelihood', { mode: 'number' }).notNull(),
    inherentImpact: bigint('inherent_impact', { mode: 'number' }).notNull(),
    residualLikelihood: bigint('residual_likelihood', { mode: 'number' }).notNull(),
    residualImpact: bigint('residual_impact', { mode: 'number' }).notNull(),
    inherentLevel: text('inherent_level').notNull(),
    residualLevel: text('residual_level').notNull(),
    /** the risk's domain and status at that moment, so the trend needs no join */
    domain: text('domain').notNull(),
    status: text('status').notNull(),
  },
  (t) => [index('risk_score_history_risk_idx').on(t.riskId, t.at), index('risk_score_history_org_at_idx').on(t.organisationId, t.at)],
);

/*
 * Harmonised procurement requirements: a requirement set is a framework of kind 'procurement'
 * (catalogs/), a supplier's answers are assessments of its requirements.
 */
export const supplierRequirementAnswers = pgTable(
  'supplier_requirement_answers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull(), // voldoet | voldoet_deels | voldoet_niet | niet_van_toepassing | onbekend
    note: text('note').notNull().default(''),
    /** where the answer comes from: the supplier's statement, a certificate, an audit report … */
    source: text('source').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.requirementId] }), index('supplier_requirement_answers_org_idx').on(t.organisationId, t.supplierId)],
);

/**
 * The status an organisation shares with the organisations that depend on it (a joint arrangement
 * that is itself in Weerbaar tells its participating gemeenten how it is doing).
 */
export const sharedStatuses = pgTable('shared_statuses', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  status: text('status').notNull(), // normaal | verstoord | uitval
  message: text('message').notNull().default(''),
  /** share the compliance progress counts as well */
  shareCompliance: boolean('share_compliance').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
});

/* ------------------------------------------------------------------------------------------------
 * Incidents (issue #6): the register, the two legal questions, the reports made under the Cbw and the
 * AVG, an append-only timeline, tasks, and what the incident touched. The deadlines themselves are not
 * stored: they are computed from the recorded moments (src/shared/deadlines) whenever they are shown.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** short reference per organisation: I-2026-001 */
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').notNull(), // ransomware | phishing | ddos | datalek | malware | ongeautoriseerde_toegang | storing | ot | anders
    severity: text('severity').notNull(), // laag | midden | hoog | kritiek
    status: text('status').notNull().default('open'), // open | in_behandeling | afgehandeld | gesloten
    impact: text('impact').notNull().default(''),
    /** when it started (may be unknown); when the organisation became aware (the clocks run from here) */
    startedAt: ts('started_at'),
    awareAt: ts('aware_at').notNull(),
    /** when the incident was handled (Cbw: the final report is due a month after this when it was still ongoing) */
    handledAt: ts('handled_at'),
    closedAt: ts('closed_at'),
    /** Cbw: is this a significant incident? null = not answered yet */
    cbwSignificant: boolean('cbw_significant'),
    cbwReason: text('cbw_reason').notNull().default(''),
    cbwAnsweredByUserId: uuid('cbw_answered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    cbwAnsweredByName: text('cbw_answered_by_name'),
    cbwAnsweredAt: ts('cbw_answered_at'),
    /** AVG: is this a personal-data breach? null = not answered yet */
    avgBreach: boolean('avg_breach'),
    avgReason: text('avg_reason').notNull().default(''),
    avgAnsweredByUserId: uuid('avg_answered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    avgAnsweredByName: text('avg_answered_by_name'),
    avgAnsweredAt: ts('avg_answered_at'),
    /** AVG art. 33(3): categories and approximate numbers of people and records, likely consequences */
    avgCategories: text('avg_categories').array().notNull().default(sql`'{}'::text[]`),
    avgSubjectsApprox: bigint('avg_subjects_approx', { mode: 'number' }),
    avgRecordsApprox: bigint('avg_records_approx', { mode: 'number' }),
    avgConsequences: text('avg_consequences').notNull().default(''),
    /** AVG art. 34: must the people be told? null = not decided yet */
    avgNotifySubjects: boolean('avg_notify_subjects'),
    avgNotifyReason: text('avg_notify_reason').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('incidents_org_ref_key').on(t.organisationId, t.ref),
    index('incidents_org_status_idx').on(t.organisationId, t.status, t.awareAt),
    // the deadline job scans the open incidents of every organisation
    index('incidents_open_idx')
      .on(t.awareAt)
      .where(sql`status <> 'gesloten'`),
  ],
);

/** Handlers of an incident (members of the organisation). */
export const incidentHandlers = pgTable(
  'incident_handlers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.userId] })],
);

/** What the incident touched: processes and other assets, suppliers, joint arrangements (issue #5). */
export const incidentLinks = pgTable(
  'incident_links',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(), // asset | supplier | joint_arrangement
    targetId: uuid('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.targetType, t.targetId] }), index('incident_links_target_idx').on(t.organisationId, t.targetId)],
);

/**
 * The timeline: events and decisions, append-only (the application role may insert and read, never
 * change or delete: see the migration's grants). Corrections are new entries.
 */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** when it happened (a handler may record something that happened earlier) */
    occurredAt: ts('occurred_at').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    kind: text('kind').notNull(), // gebeurtenis | besluit | notitie | status | moment | juridisch | rapport | taak | les
    text: text('text').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
  },
  (t) => [index('incident_events_incident_idx').on(t.incidentId, t.occurredAt)],
);

/** Tasks during the handling of an incident. */
export const incidentTasks = pgTable(
  'incident_tasks',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: text('due_date'), // YYYY-MM-DD
    doneAt: ts('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('incident_tasks_incident_idx').on(t.incidentId)],
);

/**
 * The reports under the Cbw (early warning, incident notification, progress and final report) and the
 * AVG (notification to the Autoriteit Persoonsgegevens): generated from the record, editable as a
 * draft, and stored as sent with the hash of exactly what was sent. One sent report per kind.
 */
export const incidentReports = pgTable(
  'incident_reports',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    regime: text('regime').notNull(), // cbw | avg
    kind: text('kind').notNull(), // the deadline id of the rule file: early-warning | incident-notification | progress-report | final-report | data-breach-notification
    content: jsonb('content').notNull(),
    sentAt: ts('sent_at'),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    sentByName: text('sent_by_name'),
    /** sha-256 of the canonical JSON of the content as sent */
    contentHash: text('content_hash'),
    /** csirt: sent to the connected CSIRT inside Weerbaar; extern: sent outside it (e-mail, portal of the AP) */
    channel: text('channel'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('incident_reports_kind_key').on(t.incidentId, t.kind)],
);

/**
 * Per organisation: how many hours before each incident deadline the handlers get a reminder (inbox and
 * e-mail). No row: the default of the incidents module (12 and 2 hours).
 */
export const incidentSettings = pgTable('incident_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  reminderHours: integer('reminder_hours').array().notNull(),
});

/*
 * The report to the sector CSIRT inside Weerbaar (issue #6). A report sent with channel 'csirt' becomes a
 * notification in the inbox of the CSIRT the gemeente is connected to: a copy of exactly what was sent
 * with its hash, never a view on the incident. Two owners per row: the gemeente (organisation_id) and the
 * CSIRT (csirt_id); row-level security gives each of them the row (see the migration), the incident
 * tables stay the gemeente's alone.
 */
export const csirtCampaigns = pgTable(
  'csirt_campaigns',
  {
    id: id(),
    /** the CSIRT */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('csirt_campaigns_org_idx').on(t.organisationId, t.createdAt)],
);

export const csirtNotifications = pgTable(
  'csirt_notifications',
  {
    id: id(),
    /** the gemeente that sent it */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** the CSIRT it was sent to (the gemeente's connected CSIRT at the moment of sending) */
    csirtId: uuid('csirt_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => incidentReports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    regime: text('regime').notNull(),
    /** a copy of exactly what was sent, and the sha-256 of its canonical JSON */
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    incidentRef: text('incident_ref').notNull(),
    incidentTitle: text('incident_title').notNull(),
    sentAt: ts('sent_at').notNull(),
    sentByName: text('sent_by_name'),
    status: text('status').notNull().default('ontvangen'), // ontvangen | in_behandeling | afgesloten
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedByName: text('acknowledged_by_name'),
    campaignId: uuid('campaign_id').references(() => csirtCampaigns.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // newest first is a backward scan; an index declared DESC (drizzle: NULLS LAST) does not match ORDER BY … DESC
    index('csirt_notifications_inbox_order_idx').on(t.csirtId, t.sentAt, t.id),
    index('csirt_notifications_inbox_status_idx').on(t.csirtId, t.status, t.sentAt, t.id),
    index('csirt_notifications_incident_idx').on(t.organisationId, t.incidentId),
    index('csirt_notifications_campaign_idx').on(t.campaignId),
    uniqueIndex('csirt_notifications_report_key').on(t.reportId),
  ],
);

/** The thread of a notification, both sides; append-only for the application role. */
export const csirtMessages = pgTable(
  'csirt_messages',
  {
    id: id(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => csirtNotifications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    csirtId: uuid('csirt_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    authorSide: text('author_side').notNull(), // gemeente | csirt
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('csirt_messages_notification_idx').on(t.notificationId, t.createdAt)],
);

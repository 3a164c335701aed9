CREATE TABLE "dpia_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"processing" text NOT NULL,
	"asset_id" uuid,
	"outcome" text NOT NULL,
	"conducted_on" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"decided_by_user_id" uuid,
	"decider_name" text NOT NULL,
	"decider_function" text NOT NULL,
	"authority_role" text NOT NULL,
	"level" text NOT NULL,
	"likelihood" bigint NOT NULL,
	"impact" bigint NOT NULL,
	"reason" text NOT NULL,
	"valid_until" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "risk_links" (
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	CONSTRAINT "risk_links_risk_id_target_type_target_id_pk" PRIMARY KEY("risk_id","target_type","target_id")
);
--> statement-breakpoint
CREATE TABLE "risk_matrices" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"likelihood_labels" text[] NOT NULL,
	"impact_labels" text[] NOT NULL,
	"level_bounds" bigint[] NOT NULL,
	"acceptance_roles" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_measures" (
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "risk_measures_risk_id_measure_id_pk" PRIMARY KEY("risk_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "risk_score_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid,
	"cause" text NOT NULL,
	"inherent_likelihood" bigint NOT NULL,
	"inherent_impact" bigint NOT NULL,
	"residual_likelihood" bigint NOT NULL,
	"residual_impact" bigint NOT NULL,
	"inherent_level" text NOT NULL,
	"residual_level" text NOT NULL,
	"domain" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_threats" (
	"organisation_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"threat_id" text NOT NULL,
	CONSTRAINT "risk_threats_risk_id_threat_id_pk" PRIMARY KEY("risk_id","threat_id")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"domain" text NOT NULL,
	"owner_id" uuid,
	"inherent_likelihood" bigint NOT NULL,
	"inherent_impact" bigint NOT NULL,
	"target_likelihood" bigint,
	"target_impact" bigint,
	"residual_likelihood" bigint NOT NULL,
	"residual_impact" bigint NOT NULL,
	"residual_level" text NOT NULL,
	"inherent_level" text NOT NULL,
	"treatment" text DEFAULT 'open' NOT NULL,
	"treatment_note" text DEFAULT '' NOT NULL,
	"transferred_to" text,
	"status" text DEFAULT 'open' NOT NULL,
	"review_date" text,
	"dpia_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_statuses" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"share_compliance" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "supplier_requirement_answers" (
	"organisation_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by_user_id" uuid,
	CONSTRAINT "supplier_requirement_answers_supplier_id_requirement_id_pk" PRIMARY KEY("supplier_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "threats" (
	"id" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "kind" text DEFAULT 'framework' NOT NULL;--> statement-breakpoint
ALTER TABLE "dpia_records" ADD CONSTRAINT "dpia_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_records" ADD CONSTRAINT "dpia_records_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_score_history" ADD CONSTRAINT "risk_score_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_score_history" ADD CONSTRAINT "risk_score_history_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_score_history" ADD CONSTRAINT "risk_score_history_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_threats" ADD CONSTRAINT "risk_threats_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_threats" ADD CONSTRAINT "risk_threats_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_threats" ADD CONSTRAINT "risk_threats_threat_id_threats_id_fk" FOREIGN KEY ("threat_id") REFERENCES "public"."threats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_dpia_id_dpia_records_id_fk" FOREIGN KEY ("dpia_id") REFERENCES "public"."dpia_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_statuses" ADD CONSTRAINT "shared_statuses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_statuses" ADD CONSTRAINT "shared_statuses_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_requirement_answers" ADD CONSTRAINT "supplier_requirement_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_requirement_answers" ADD CONSTRAINT "supplier_requirement_answers_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_requirement_answers" ADD CONSTRAINT "supplier_requirement_answers_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_requirement_answers" ADD CONSTRAINT "supplier_requirement_answers_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dpia_records_org_date_idx" ON "dpia_records" USING btree ("organisation_id","conducted_on");--> statement-breakpoint
CREATE INDEX "risk_acceptances_risk_idx" ON "risk_acceptances" USING btree ("risk_id","decided_at");--> statement-breakpoint
CREATE INDEX "risk_acceptances_org_valid_idx" ON "risk_acceptances" USING btree ("organisation_id","valid_until");--> statement-breakpoint
CREATE INDEX "risk_links_target_idx" ON "risk_links" USING btree ("organisation_id","target_id");--> statement-breakpoint
CREATE INDEX "risk_measures_measure_idx" ON "risk_measures" USING btree ("organisation_id","measure_id");--> statement-breakpoint
CREATE INDEX "risk_score_history_risk_idx" ON "risk_score_history" USING btree ("risk_id","at");--> statement-breakpoint
CREATE INDEX "risk_score_history_org_at_idx" ON "risk_score_history" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_org_ref_key" ON "risks" USING btree ("organisation_id","ref");--> statement-breakpoint
CREATE INDEX "risks_org_domain_level_idx" ON "risks" USING btree ("organisation_id","domain","residual_level");--> statement-breakpoint
CREATE INDEX "risks_org_review_idx" ON "risks" USING btree ("organisation_id","review_date");--> statement-breakpoint
CREATE INDEX "supplier_requirement_answers_org_idx" ON "supplier_requirement_answers" USING btree ("organisation_id","supplier_id");
CREATE TABLE "assessment_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" bigint NOT NULL,
	"framework_ids" text[] NOT NULL,
	"phase" text DEFAULT 'zelfevaluatie' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by_user_id" uuid,
	"signer_name" text,
	"signer_function" text,
	"statement" text,
	"snapshot" jsonb,
	"snapshot_hash" text
);
--> statement-breakpoint
CREATE TABLE "requirement_assessments" (
	"organisation_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"framework_id" text NOT NULL,
	"applicable" boolean DEFAULT true NOT NULL,
	"not_applicable_reason" text,
	"result" text DEFAULT 'niet_beoordeeld' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"due_date" text,
	"auditor_remarks" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "requirement_assessments_year_id_requirement_id_pk" PRIMARY KEY("year_id","requirement_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_years" ADD CONSTRAINT "assessment_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_years" ADD CONSTRAINT "assessment_years_signed_by_user_id_users_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_year_id_assessment_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."assessment_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_years_org_year_key" ON "assessment_years" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "requirement_assessments_org_idx" ON "requirement_assessments" USING btree ("organisation_id","year_id","framework_id");
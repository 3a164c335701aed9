CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"criticality" text,
	"availability" text,
	"integrity" text,
	"confidentiality" text,
	"personal_data" boolean DEFAULT false NOT NULL,
	"personal_data_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"rto_hours" bigint,
	"rpo_hours" bigint,
	"mtd_hours" bigint,
	"vendor" text,
	"product" text,
	"version" text,
	"cpe" text,
	"purl" text,
	"ot_type" text,
	"remote_access" boolean,
	"remote_access_how" text,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"from_type" text NOT NULL,
	"from_id" uuid NOT NULL,
	"to_type" text NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "high_risk_countries" (
	"country_code" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"accountable" text DEFAULT '' NOT NULL,
	"last_council_report" text,
	"linked_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"signed" boolean NOT NULL,
	"signed_on" text,
	"model" text NOT NULL,
	"model_version" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"valid_until" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" text,
	"end_date" text,
	"value_cents" bigint,
	"notice_period_days" bigint,
	"exit_plan" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_subprocessors" (
	"organisation_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"subprocessor_id" uuid NOT NULL,
	CONSTRAINT "supplier_subprocessors_supplier_id_subprocessor_id_pk" PRIMARY KEY("supplier_id","subprocessor_id")
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"registration_number" text,
	"country_of_origin" text,
	"processing_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"processes_personal_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_arrangements" ADD CONSTRAINT "joint_arrangements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_arrangements" ADD CONSTRAINT "joint_arrangements_linked_organisation_id_organisations_id_fk" FOREIGN KEY ("linked_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_agreements" ADD CONSTRAINT "processing_agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_agreements" ADD CONSTRAINT "processing_agreements_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_certifications" ADD CONSTRAINT "supplier_certifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_certifications" ADD CONSTRAINT "supplier_certifications_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_contracts" ADD CONSTRAINT "supplier_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_contracts" ADD CONSTRAINT "supplier_contracts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_subprocessors" ADD CONSTRAINT "supplier_subprocessors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_subprocessors" ADD CONSTRAINT "supplier_subprocessors_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_subprocessors" ADD CONSTRAINT "supplier_subprocessors_subprocessor_id_suppliers_id_fk" FOREIGN KEY ("subprocessor_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_org_kind_name_idx" ON "assets" USING btree ("organisation_id","kind","name");--> statement-breakpoint
CREATE INDEX "assets_org_name_idx" ON "assets" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "dependencies_edge_key" ON "dependencies" USING btree ("organisation_id","from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "dependencies_to_idx" ON "dependencies" USING btree ("organisation_id","to_id");--> statement-breakpoint
CREATE INDEX "dependencies_from_idx" ON "dependencies" USING btree ("organisation_id","from_id");--> statement-breakpoint
CREATE INDEX "joint_arrangements_org_name_idx" ON "joint_arrangements" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "processing_agreements_supplier_idx" ON "processing_agreements" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "supplier_certifications_supplier_idx" ON "supplier_certifications" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "supplier_certifications_org_valid_idx" ON "supplier_certifications" USING btree ("organisation_id","valid_until");--> statement-breakpoint
CREATE INDEX "supplier_contracts_supplier_idx" ON "supplier_contracts" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "supplier_contracts_org_end_idx" ON "supplier_contracts" USING btree ("organisation_id","end_date");--> statement-breakpoint
CREATE INDEX "suppliers_org_name_idx" ON "suppliers" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "suppliers_registration_idx" ON "suppliers" USING btree ("registration_number");
CREATE TABLE "frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"title" jsonb NOT NULL,
	"provider" text NOT NULL,
	"packager" text,
	"licence" text NOT NULL,
	"attribution" text,
	"language" text NOT NULL,
	"description" text,
	"origin" text NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"title" jsonb NOT NULL,
	"provider" text NOT NULL,
	"licence" text NOT NULL,
	"attribution" text,
	"description" text,
	"source_framework_id" text NOT NULL,
	"target_framework_id" text NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"origin" text NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mappings" (
	"mapping_set_id" text NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"strength" bigint NOT NULL,
	"rationale" text NOT NULL,
	CONSTRAINT "mappings_mapping_set_id_source_id_target_id_pk" PRIMARY KEY("mapping_set_id","source_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "measure_requirements" (
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"coverage" text NOT NULL,
	CONSTRAINT "measure_requirements_measure_id_requirement_id_pk" PRIMARY KEY("measure_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" text NOT NULL,
	"ref" text NOT NULL,
	"parent_ref" text,
	"position" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"assessable" boolean NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"replaced_by" text,
	"iso_control" text,
	"cbw_scope" boolean,
	"legal_reference" text
);
--> statement-breakpoint
ALTER TABLE "mapping_sets" ADD CONSTRAINT "mapping_sets_source_framework_id_frameworks_id_fk" FOREIGN KEY ("source_framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_sets" ADD CONSTRAINT "mapping_sets_target_framework_id_frameworks_id_fk" FOREIGN KEY ("target_framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappings" ADD CONSTRAINT "mappings_mapping_set_id_mapping_sets_id_fk" FOREIGN KEY ("mapping_set_id") REFERENCES "public"."mapping_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappings" ADD CONSTRAINT "mappings_source_id_requirements_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappings" ADD CONSTRAINT "mappings_target_id_requirements_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_requirements" ADD CONSTRAINT "measure_requirements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_requirements" ADD CONSTRAINT "measure_requirements_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_requirements" ADD CONSTRAINT "measure_requirements_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mappings_source_idx" ON "mappings" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "mappings_target_idx" ON "mappings" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "measure_requirements_org_req_idx" ON "measure_requirements" USING btree ("organisation_id","requirement_id");--> statement-breakpoint
CREATE INDEX "measures_org_idx" ON "measures" USING btree ("organisation_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_framework_ref_key" ON "requirements" USING btree ("framework_id","ref");
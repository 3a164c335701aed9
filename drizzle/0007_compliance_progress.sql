CREATE TABLE "compliance_progress" (
	"organisation_id" uuid NOT NULL,
	"year" bigint NOT NULL,
	"framework_id" text NOT NULL,
	"total" bigint NOT NULL,
	"applicable" bigint NOT NULL,
	"voldoet" bigint NOT NULL,
	"voldoet_deels" bigint NOT NULL,
	"voldoet_niet" bigint NOT NULL,
	"niet_beoordeeld" bigint NOT NULL,
	"phase" text NOT NULL,
	"signed" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_progress_organisation_id_year_framework_id_pk" PRIMARY KEY("organisation_id","year","framework_id")
);
--> statement-breakpoint
ALTER TABLE "compliance_progress" ADD CONSTRAINT "compliance_progress_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_progress_year_idx" ON "compliance_progress" USING btree ("year","framework_id");
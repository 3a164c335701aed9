CREATE TABLE "incident_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"reminder_hours" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
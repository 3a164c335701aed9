CREATE TABLE "csirt_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csirt_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"csirt_id" uuid NOT NULL,
	"author_side" text NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csirt_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"csirt_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"regime" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"incident_ref" text NOT NULL,
	"incident_title" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_name" text,
	"status" text DEFAULT 'ontvangen' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_name" text,
	"campaign_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "csirt_campaigns" ADD CONSTRAINT "csirt_campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_messages" ADD CONSTRAINT "csirt_messages_notification_id_csirt_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."csirt_notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_messages" ADD CONSTRAINT "csirt_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_messages" ADD CONSTRAINT "csirt_messages_csirt_id_organisations_id_fk" FOREIGN KEY ("csirt_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_notifications" ADD CONSTRAINT "csirt_notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_notifications" ADD CONSTRAINT "csirt_notifications_csirt_id_organisations_id_fk" FOREIGN KEY ("csirt_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_notifications" ADD CONSTRAINT "csirt_notifications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_notifications" ADD CONSTRAINT "csirt_notifications_report_id_incident_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."incident_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csirt_notifications" ADD CONSTRAINT "csirt_notifications_campaign_id_csirt_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."csirt_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "csirt_campaigns_org_idx" ON "csirt_campaigns" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "csirt_messages_notification_idx" ON "csirt_messages" USING btree ("notification_id","created_at");--> statement-breakpoint
CREATE INDEX "csirt_notifications_inbox_idx" ON "csirt_notifications" USING btree ("csirt_id","sent_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "csirt_notifications_incident_idx" ON "csirt_notifications" USING btree ("organisation_id","incident_id");--> statement-breakpoint
CREATE INDEX "csirt_notifications_campaign_idx" ON "csirt_notifications" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "csirt_notifications_report_key" ON "csirt_notifications" USING btree ("report_id");
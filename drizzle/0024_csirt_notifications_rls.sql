-- The report to the sector CSIRT (issue #6). A notification and its thread belong to two organisations:
-- the gemeente that sent it (organisation_id) and the CSIRT it was sent to (csirt_id). Two permissive
-- policies give each of them the row; nothing here opens the incident tables to the CSIRT.
ALTER TABLE csirt_notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY csirt_notifications_gemeente ON csirt_notifications
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
CREATE POLICY csirt_notifications_csirt ON csirt_notifications
  USING (csirt_id = app_org_id()) WITH CHECK (csirt_id = app_org_id());
--> statement-breakpoint
-- What was sent never changes: only the handling (status, acknowledgement, campaign) may be updated.
GRANT SELECT, INSERT ON csirt_notifications TO weerbaar_app;
--> statement-breakpoint
GRANT UPDATE (status, acknowledged_at, acknowledged_by_name, campaign_id, updated_at) ON csirt_notifications TO weerbaar_app;
--> statement-breakpoint
-- The thread is append-only: the application role may read and add messages, never change or delete them.
ALTER TABLE csirt_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY csirt_messages_gemeente ON csirt_messages
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
CREATE POLICY csirt_messages_csirt ON csirt_messages
  USING (csirt_id = app_org_id()) WITH CHECK (csirt_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT ON csirt_messages TO weerbaar_app;
--> statement-breakpoint
-- Campaigns are the CSIRT's own.
ALTER TABLE csirt_campaigns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY csirt_campaigns_tenant ON csirt_campaigns
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON csirt_campaigns TO weerbaar_app;

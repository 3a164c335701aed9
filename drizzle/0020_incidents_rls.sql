ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incidents_tenant ON incidents
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incidents TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE incident_handlers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_handlers_tenant ON incident_handlers
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_handlers TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE incident_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_links_tenant ON incident_links
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_links TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE incident_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_tasks_tenant ON incident_tasks
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_tasks TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE incident_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_reports_tenant ON incident_reports
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_reports TO weerbaar_app;
--> statement-breakpoint
-- The timeline is append-only: the application role may read and add entries, never change or delete them.
--> statement-breakpoint
ALTER TABLE incident_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_events_tenant ON incident_events
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT ON incident_events TO weerbaar_app;

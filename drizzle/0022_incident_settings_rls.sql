-- The reminder settings of the incident deadlines are an organisation's own (see 0006-row-level-security).
ALTER TABLE incident_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_settings_tenant ON incident_settings
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_settings TO weerbaar_app;

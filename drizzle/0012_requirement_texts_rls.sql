ALTER TABLE requirement_texts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY requirement_texts_tenant ON requirement_texts
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON requirement_texts TO weerbaar_app;

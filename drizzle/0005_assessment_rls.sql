ALTER TABLE assessment_years ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assessment_years_tenant ON assessment_years
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_years TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE requirement_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY requirement_assessments_tenant ON requirement_assessments
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON requirement_assessments TO weerbaar_app;

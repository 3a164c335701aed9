-- The compliance library is shared, read-only data: every organisation reads it, none writes it.
GRANT SELECT ON frameworks, requirements, mapping_sets, mappings TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measures_tenant ON measures
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measures TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE measure_requirements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measure_requirements_tenant ON measure_requirements
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measure_requirements TO weerbaar_app;

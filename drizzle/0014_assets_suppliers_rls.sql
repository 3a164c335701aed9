ALTER TABLE assets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assets_tenant ON assets
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON assets TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE suppliers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY suppliers_tenant ON suppliers
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON suppliers TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE supplier_contracts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supplier_contracts_tenant ON supplier_contracts
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON supplier_contracts TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE processing_agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY processing_agreements_tenant ON processing_agreements
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON processing_agreements TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE supplier_certifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supplier_certifications_tenant ON supplier_certifications
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON supplier_certifications TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE supplier_subprocessors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supplier_subprocessors_tenant ON supplier_subprocessors
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON supplier_subprocessors TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE joint_arrangements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY joint_arrangements_tenant ON joint_arrangements
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON joint_arrangements TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE dependencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dependencies_tenant ON dependencies
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON dependencies TO weerbaar_app;
--> statement-breakpoint
-- The high-risk country list is installation-wide: everyone reads it, only the installation admin (system transaction) writes it.
--> statement-breakpoint
GRANT SELECT ON high_risk_countries TO weerbaar_app;

ALTER TABLE risk_matrices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_matrices_tenant ON risk_matrices
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_matrices TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE dpia_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dpia_records_tenant ON dpia_records
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON dpia_records TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE risks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risks_tenant ON risks
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risks TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE risk_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_links_tenant ON risk_links
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_links TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE risk_threats ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_threats_tenant ON risk_threats
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_threats TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE risk_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_measures_tenant ON risk_measures
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_measures TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE risk_acceptances ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_acceptances_tenant ON risk_acceptances
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_acceptances TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE risk_score_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_score_history_tenant ON risk_score_history
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_score_history TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE supplier_requirement_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supplier_requirement_answers_tenant ON supplier_requirement_answers
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON supplier_requirement_answers TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE shared_statuses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shared_statuses_tenant ON shared_statuses
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON shared_statuses TO weerbaar_app;
--> statement-breakpoint
-- The threat catalog is installation-wide: everyone reads it, the catalog loader (system transaction) writes it.
--> statement-breakpoint
GRANT SELECT ON threats TO weerbaar_app;

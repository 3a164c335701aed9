ALTER TABLE evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY evidence_tenant ON evidence
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON evidence TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE file_blobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY file_blobs_tenant ON file_blobs
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON file_blobs TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE measure_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measure_evidence_tenant ON measure_evidence
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measure_evidence TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE assessment_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assessment_evidence_tenant ON assessment_evidence
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_evidence TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY signals_tenant ON signals
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON signals TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE measure_signal_state ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measure_signal_state_tenant ON measure_signal_state
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measure_signal_state TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE audit_findings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_findings_tenant ON audit_findings
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_findings TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY actions_tenant ON actions
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON actions TO weerbaar_app;
--> statement-breakpoint
-- The inbox: a user sees only their own notices within the current organisation.
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_tenant ON notifications
  USING (organisation_id = app_org_id() AND user_id = app_user_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notifications TO weerbaar_app;

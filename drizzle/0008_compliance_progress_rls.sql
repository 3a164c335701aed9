-- Own rows, plus the rows of organisations linked to the current one (a CSIRT or veiligheidsregio
-- sees the progress numbers of its gemeenten; nothing else of their assessments).
ALTER TABLE compliance_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY compliance_progress_select ON compliance_progress FOR SELECT
  USING (organisation_id = app_org_id() OR EXISTS (
    SELECT 1 FROM organisation_links l WHERE l.organisation_id = compliance_progress.organisation_id AND l.target_id = app_org_id()));
--> statement-breakpoint
CREATE POLICY compliance_progress_write ON compliance_progress FOR ALL
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON compliance_progress TO weerbaar_app;

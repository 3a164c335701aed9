-- Row-level security: every organisation-scoped request runs inside a transaction
-- that switches to the role weerbaar_app (no BYPASSRLS, not the owner of any table)
-- and sets app.org_id / app.user_id with set_config(..., true) (transaction-local).
-- Global tables (sessions, api_tokens, login_attempts, ...) are not granted to
-- weerbaar_app at all: a tenant transaction cannot touch them.
DO $$ BEGIN
  CREATE ROLE weerbaar_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT weerbaar_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO weerbaar_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_org_id(), app_user_id() TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_tenant ON memberships
  USING (organisation_id = app_org_id() OR user_id = app_user_id())
  WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invitations_tenant ON invitations
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE organisation_oidc ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organisation_oidc_tenant ON organisation_oidc
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organisation_oidc TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_tenant ON audit_events
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
-- append-only for the application: no UPDATE or DELETE grant
GRANT SELECT, INSERT ON audit_events TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_heads_tenant ON audit_heads
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_heads TO weerbaar_app;
--> statement-breakpoint
-- Users: a tenant transaction sees itself and the members of the current organisation.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_tenant ON users
  USING (id = app_user_id() OR EXISTS (
    SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.organisation_id = app_org_id()));
--> statement-breakpoint
GRANT SELECT (id, email, name, language, is_installation_admin, created_at, updated_at) ON users TO weerbaar_app;
--> statement-breakpoint
GRANT SELECT (totp_secret) ON users TO weerbaar_app;
--> statement-breakpoint
-- Organisations: the current one and those linked to it (its CSIRT, region, connected gemeenten) are
-- visible; only the current one can be changed, and only its own settings.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organisations_select ON organisations FOR SELECT
  USING (id = app_org_id() OR EXISTS (
    SELECT 1 FROM organisation_links l
    WHERE (l.organisation_id = app_org_id() AND l.target_id = organisations.id)
       OR (l.target_id = app_org_id() AND l.organisation_id = organisations.id)));
--> statement-breakpoint
CREATE POLICY organisations_update ON organisations FOR UPDATE
  USING (id = app_org_id()) WITH CHECK (id = app_org_id());
--> statement-breakpoint
GRANT SELECT ON organisations TO weerbaar_app;
--> statement-breakpoint
GRANT UPDATE (name, mfa_required, updated_at) ON organisations TO weerbaar_app;
--> statement-breakpoint
-- Adding an existing account to the organisation: look up its id by exact e-mail, nothing more.
CREATE OR REPLACE FUNCTION find_user_id_by_email(address text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT id FROM users WHERE lower(email) = lower(address) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION find_user_id_by_email(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION find_user_id_by_email(text) TO weerbaar_app;
--> statement-breakpoint
ALTER TABLE organisation_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organisation_links_tenant ON organisation_links
  USING (organisation_id = app_org_id() OR target_id = app_org_id());
--> statement-breakpoint
GRANT SELECT ON organisation_links TO weerbaar_app;

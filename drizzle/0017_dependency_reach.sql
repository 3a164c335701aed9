-- The maintained reachability of suppliers in the dependency graph (owned by the dependencies module).
--
-- For every supplier that something depends on ("to" of an edge with to_type 'supplier'), every node
-- that transitively depends on it, once, at its shortest distance (1 = directly), up to depth 25 (the
-- cascade's MAX_DEPTH in src/server/modules/dependencies/traverse.ts). A cycle ends the walk; the
-- supplier itself is not its own dependant. The CSIRT cascade across 342 gemeenten and the
-- concentration view read it instead of walking the graph on every request.
--
-- Kept exact by statement-level triggers on dependencies: a statement that inserts, updates or deletes
-- edges recomputes the reach of the organisations it touched (one set-based breadth-first walk per
-- organisation, all its suppliers at once), in the same transaction. Derived data: anyone may rebuild
-- it with SELECT dependency_reach_refresh(array(SELECT id FROM organisations)) (the benchmark does so
-- after its bulk load, which runs with triggers off).
CREATE TABLE "dependency_reach" (
  "organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
  "source_id" uuid NOT NULL,
  "node_id" uuid NOT NULL,
  "node_type" text NOT NULL,
  "depth" integer NOT NULL,
  -- node_type and depth in the key's index: reading a supplier's reach is an index-only range scan
  CONSTRAINT "dependency_reach_pkey" PRIMARY KEY ("organisation_id", "source_id", "node_id") INCLUDE ("node_type", "depth")
);
--> statement-breakpoint
ALTER TABLE dependency_reach ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dependency_reach_tenant ON dependency_reach
  USING (organisation_id = app_org_id()) WITH CHECK (organisation_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON dependency_reach TO weerbaar_app;
--> statement-breakpoint
-- Recomputes the reach of the given organisations and writes only the difference (an edit usually
-- changes a few rows, not the thousands of a large gemeente). Runs with the caller's rights (row-level
-- security applies as for any tenant statement). Writers of one organisation are serialised with a
-- transaction advisory lock, so two concurrent edits cannot interleave. Without JIT: the planner's
-- estimate for a recursive walk is far above the JIT threshold, and compiling costs more than the walk.
CREATE FUNCTION dependency_reach_refresh(orgs uuid[]) RETURNS void
LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  o uuid;
  f_org uuid[];
  f_src uuid[];
  f_id uuid[];
  f_type text[];
  f_depth integer[];
  d_org uuid[];
  d_src uuid[];
  d_id uuid[];
BEGIN
  FOR o IN SELECT DISTINCT x FROM unnest(orgs) AS x WHERE x IS NOT NULL ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(774412, hashtext(o::text));
  END LOOP;
  -- one breadth-first walk per supplier, all at once: each step one level for every walk; the
  -- visited array is the cycle guard (every node once, at its shortest depth)
  WITH RECURSIVE starts AS (
    SELECT DISTINCT d.organisation_id AS org, d.to_id AS src
    FROM dependencies d
    WHERE d.organisation_id = ANY (orgs) AND d.to_type = 'supplier'
  ), bfs(org, src, depth, frontier, visited, nodes, types) AS (
    SELECT s.org, s.src, 0, ARRAY[s.src], ARRAY[s.src], '{}'::uuid[], '{}'::text[] FROM starts s
    UNION ALL
    SELECT b.org, b.src, b.depth + 1, n.nodes, b.visited || n.nodes, n.nodes, n.types
    FROM bfs b
    CROSS JOIN LATERAL (
      SELECT array_agg(x.from_id) AS nodes, array_agg(x.from_type) AS types
      FROM (
        SELECT DISTINCT ON (d.from_id) d.from_id, d.from_type
        FROM dependencies d
        WHERE d.organisation_id = b.org AND d.to_id = ANY (b.frontier) AND d.from_id <> ALL (b.visited)
        ORDER BY d.from_id
      ) x
    ) n
    WHERE n.nodes IS NOT NULL AND b.depth < 25
  )
  SELECT array_agg(b.org), array_agg(b.src), array_agg(u.id), array_agg(u.type), array_agg(b.depth)
  INTO f_org, f_src, f_id, f_type, f_depth
  FROM bfs b CROSS JOIN LATERAL unnest(b.nodes, b.types) AS u(id, type)
  WHERE b.depth > 0;

  -- the difference with what is stored, in one pass (a full join is a hash or merge join)
  SELECT array_agg(c.org) FILTER (WHERE c.id IS NOT NULL AND (f.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(c.src) FILTER (WHERE c.id IS NOT NULL AND (f.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(c.id) FILTER (WHERE c.id IS NOT NULL AND (f.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(f.org) FILTER (WHERE f.id IS NOT NULL AND (c.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(f.src) FILTER (WHERE f.id IS NOT NULL AND (c.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(f.id) FILTER (WHERE f.id IS NOT NULL AND (c.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(f.type) FILTER (WHERE f.id IS NOT NULL AND (c.id IS NULL OR f.depth <> c.depth OR f.type <> c.type)),
         array_agg(f.depth) FILTER (WHERE f.id IS NOT NULL AND (c.id IS NULL OR f.depth <> c.depth OR f.type <> c.type))
  INTO d_org, d_src, d_id, f_org, f_src, f_id, f_type, f_depth
  FROM unnest(f_org, f_src, f_id, f_type, f_depth) AS f(org, src, id, type, depth)
  FULL JOIN (
    SELECT organisation_id AS org, source_id AS src, node_id AS id, node_type AS type, depth
    FROM dependency_reach WHERE organisation_id = ANY (orgs)
  ) c ON c.org = f.org AND c.src = f.src AND c.id = f.id;

  IF d_id IS NOT NULL THEN
    DELETE FROM dependency_reach r
    USING unnest(d_org, d_src, d_id) AS g(org, src, id)
    WHERE r.organisation_id = g.org AND r.source_id = g.src AND r.node_id = g.id;
  END IF;
  IF f_id IS NOT NULL THEN
    INSERT INTO dependency_reach (organisation_id, source_id, node_id, node_type, depth)
    SELECT * FROM unnest(f_org, f_src, f_id, f_type, f_depth);
  END IF;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION dependency_reach_after_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  orgs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT organisation_id) INTO orgs FROM reach_new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT organisation_id) INTO orgs FROM reach_old_rows;
  ELSE
    SELECT array_agg(DISTINCT x.organisation_id) INTO orgs
    FROM (SELECT organisation_id FROM reach_new_rows UNION SELECT organisation_id FROM reach_old_rows) x;
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM dependency_reach_refresh(orgs);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER dependencies_reach_insert AFTER INSERT ON dependencies
  REFERENCING NEW TABLE AS reach_new_rows FOR EACH STATEMENT EXECUTE FUNCTION dependency_reach_after_change();
--> statement-breakpoint
CREATE TRIGGER dependencies_reach_update AFTER UPDATE ON dependencies
  REFERENCING OLD TABLE AS reach_old_rows NEW TABLE AS reach_new_rows FOR EACH STATEMENT EXECUTE FUNCTION dependency_reach_after_change();
--> statement-breakpoint
CREATE TRIGGER dependencies_reach_delete AFTER DELETE ON dependencies
  REFERENCING OLD TABLE AS reach_old_rows FOR EACH STATEMENT EXECUTE FUNCTION dependency_reach_after_change();
--> statement-breakpoint
CREATE FUNCTION dependency_reach_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM dependency_reach;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER dependencies_reach_truncate AFTER TRUNCATE ON dependencies
  FOR EACH STATEMENT EXECUTE FUNCTION dependency_reach_after_truncate();

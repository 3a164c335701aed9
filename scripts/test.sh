#!/usr/bin/env bash
# The whole test suite: unit, integration on PGlite AND on a real PostgreSQL server, browser tests in
# Chromium. Installs Debian's postgresql and chromium when missing (needs root, as on CI), starts a
# throw-away PostgreSQL on loopback, and prints "N passed, N failed" as its last line.
set -u
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

need_apt=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "${PG_BIN:-}/initdb" ] || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need_apt[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null \
      || echo "apt-get install ${need_apt[*]} failed" >&2
  else
    echo "missing ${need_apt[*]}: install them (apt-get install ${need_apt[*]}) or run as root" >&2
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

log "building the web app"
npm run --silent build:web || { echo "0 passed, 1 failed"; exit 1; }

# A throw-away PostgreSQL server on loopback for the integration tests.
PG_PORT=${PG_PORT:-55432}
PG_DIR=$(mktemp -d /tmp/weerbaar-pg.XXXXXX)
pg_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
stop_pg() { [ -n "${PG_STARTED:-}" ] && pg_as "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate stop" >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
if [ -x "${PG_BIN:-}/initdb" ]; then
  log "starting PostgreSQL ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$PG_PORT"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  if pg_as "'$PG_BIN/initdb' -A trust -U postgres -D '$PG_DIR/data'" >/dev/null \
    && pg_as "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -w -l '$PG_DIR/log' -o \"-p $PG_PORT -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null; then
    PG_STARTED=1
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  else
    echo "PostgreSQL did not start; see $PG_DIR/log" >&2
    cat "$PG_DIR/log" >&2 2>/dev/null
  fi
fi
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "no PostgreSQL server for the integration tests: that counts as a failure" >&2
  PG_MISSING=1
fi

log "running the tests"
REPORT=$(mktemp /tmp/weerbaar-vitest.XXXXXX.json)
npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORT"
rc=$?
node -e '
  const fs = require("fs");
  let r = {}; try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch {}
  const passed = r.numPassedTests ?? 0;
  let failed = (r.numFailedTests ?? 0) + Number(process.argv[2] || 0);
  // a test file that failed to load counts as a failure too
  for (const f of r.testResults ?? []) if (f.status === "failed" && (f.assertionResults ?? []).length === 0) failed++;
  if (!r.numTotalTests) failed = Math.max(failed, 1);
  console.log(`${passed} passed, ${failed} failed`);
' "$REPORT" "${PG_MISSING:-0}"
rm -f "$REPORT"
[ -n "${PG_MISSING:-}" ] && exit 1
exit $rc

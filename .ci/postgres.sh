# Start a throwaway PostgreSQL for tests/test_postgres.py and export NEWSGRAPH_TEST_PG.
# Usage: `source .ci/postgres.sh` (CI runs as root; the server runs as user postgres).
# Best effort: on any failure it warns and leaves NEWSGRAPH_TEST_PG unset (the tests skip).
# `ng_pg_stop` (kept defined; e.g. `trap ng_pg_stop EXIT`) stops the server and removes its
# temporary folder; it does nothing if no server was started.

_ng_pg_start() {
  local port="${NEWSGRAPH_PG_PORT:-55432}" bindir user=postgres
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bindir" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing postgresql for the PostgreSQL store tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
      >/dev/null) || { echo "warning: postgresql could not be installed"; return 1; }
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  fi
  [ -n "$bindir" ] || { echo "warning: no PostgreSQL server binaries"; return 1; }
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user" || return 1
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u "$user" --)
  # a free port, from the preferred one upwards
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  local data
  data="$(mktemp -d /tmp/ngpg.XXXXXX)" || return 1
  _NG_PG_TMP="$data" _NG_PG_CTL="$bindir/pg_ctl"  # for ng_pg_stop, even if the start fails
  chown "$user" "$data" 2>/dev/null
  "${as[@]}" "$bindir/initdb" -D "$data/db" -U postgres --auth=trust --no-locale \
    -E UTF8 >"$data/initdb.log" 2>&1 || { echo "warning: initdb failed"; return 1; }
  "${as[@]}" "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off" start >/dev/null \
    || { echo "warning: PostgreSQL did not start"; cat "$data/server.log"; return 1; }
  "${as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres newsgraph_test \
    || { echo "warning: createdb failed"; return 1; }
  export NEWSGRAPH_TEST_PG="postgresql://postgres@127.0.0.1:$port/newsgraph_test"
  export NEWSGRAPH_PG_DATA="$data/db"
  echo "PostgreSQL running: $NEWSGRAPH_TEST_PG (stop: ng_pg_stop)"
}

ng_pg_stop() {
  [ -n "${_NG_PG_TMP:-}" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  if [ -f "$_NG_PG_TMP/db/postmaster.pid" ]; then
    "${as[@]}" "$_NG_PG_CTL" -D "$_NG_PG_TMP/db" stop -m fast >/dev/null \
      || "${as[@]}" "$_NG_PG_CTL" -D "$_NG_PG_TMP/db" stop -m immediate >/dev/null \
      || echo "warning: PostgreSQL in $_NG_PG_TMP/db did not stop"
  fi
  rm -rf "$_NG_PG_TMP" || true
  unset _NG_PG_TMP _NG_PG_CTL NEWSGRAPH_TEST_PG NEWSGRAPH_PG_DATA
}

_ng_pg_start || echo "PostgreSQL tests will be skipped"
unset -f _ng_pg_start

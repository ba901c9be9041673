#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: a new cluster in a temporary folder, on a free loopback port, run as
# the postgres user (initdb refuses root), with durability off (fsync, synchronous commit) since its data dies with it.
#   scripts/test-postgres.sh start   prints two lines: the folder (to stop it) and a connection string for the tests
#   scripts/test-postgres.sh stop FOLDER
# Needs Debian's postgresql package (scripts/system-packages.sh --tests installs it).
set -euo pipefail

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)." >&2; exit 1; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
  else sudo -n -u postgres -- "$@"
  fi
}

case "${1:-}" in
  start)
    folder="$(mktemp -d /tmp/campaignhub-postgres.XXXXXX)"
    chmod 755 "$folder"
    chown postgres: "$folder" 2>/dev/null || true
    # A port nothing listens on, from a range away from the usual 5432.
    port=""
    for candidate in $(shuf -i 20000-29999 -n 50); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [ -n "$port" ] || { echo "No free port found." >&2; exit 1; }
    as_postgres "$bin/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
      || { cat "$folder/initdb.log" >&2; exit 1; }
    # -l: without a log file the server would keep the caller's output open and a capturing caller would wait for ever.
    as_postgres "$bin/pg_ctl" start -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
    echo "$folder"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    folder="${2:?usage: scripts/test-postgres.sh stop FOLDER}"
    case "$folder" in /tmp/campaignhub-postgres.*) ;; *) echo "Not a test server folder: $folder" >&2; exit 1 ;; esac
    as_postgres "$bin/pg_ctl" stop -D "$folder/data" -m fast -w >/dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
  *)
    echo "usage: scripts/test-postgres.sh start | stop FOLDER" >&2
    exit 2
    ;;
esac

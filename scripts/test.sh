#!/usr/bin/env bash
# Builds CampaignHub and runs every test suite (unit + bUnit, functional over real SQLite files and again over a
# real PostgreSQL server, end-to-end in the system Chromium). Ends with one line "Tests: N passed, N failed, N skipped"
# summing every suite; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/system-packages.sh --tests || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build CampaignHub.sln -c Release -nologo -v quiet; then
  echo "Build failed."
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
# run NAME SUITE: one suite, its results in NAME.trx.
run() {
  local name="$1" suite="$2"
  echo "== $name"
  if ! dotnet test "$suite" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
      -- RunConfiguration.TestSessionTimeout=1500000; then
    status=1
  fi
  [ -f "$results/$name.trx" ] || { echo "$name produced no results (crashed?)"; status=1; }
}

run CampaignHub.UnitTests tests/CampaignHub.UnitTests
run CampaignHub.FunctionalTests tests/CampaignHub.FunctionalTests

# The functional suite again on PostgreSQL: a throw-away server (temporary folder, free loopback port), a database
# per test class (tests/Shared/TestDatabase.cs), stopped at the end however the run ends. The server stays up for the
# end-to-end suite: its several-instances test puts two app processes on one database there (the rest of that suite
# stays on SQLite, so only the server's address is passed on, not the provider).
pg_folder=""
if server="$(bash scripts/test-postgres.sh start)"; then
  pg_folder="$(echo "$server" | sed -n 1p)"
  trap 'bash "$root/scripts/test-postgres.sh" stop "$pg_folder"' EXIT
  export CAMPAIGNHUB_TEST_DATABASE=PostgreSql CAMPAIGNHUB_TEST_POSTGRES="$(echo "$server" | sed -n 2p)"
  run CampaignHub.FunctionalTests.PostgreSql tests/CampaignHub.FunctionalTests
  unset CAMPAIGNHUB_TEST_DATABASE
else
  echo "Could not start PostgreSQL for the functional suite."
  status=1
fi

run CampaignHub.EndToEndTests tests/CampaignHub.EndToEndTests
if [ -n "$pg_folder" ]; then
  unset CAMPAIGNHUB_TEST_POSTGRES
  bash scripts/test-postgres.sh stop "$pg_folder"
  trap - EXIT
fi

# Sum the counters of every suite's TRX file.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout)
  passed=$((passed + p))
  failed=$((failed + f + e + t))
  skipped=$((skipped + total - executed))
done

[ "$failed" -gt 0 ] && status=1
# A suite that could not run at all counts as one failure, so the line never reads all green.
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status

#!/usr/bin/env bash
# Builds CampaignHub and runs every test suite (unit + bUnit, functional over real SQLite files, end-to-end in the
# system Chromium). Ends with one line "Tests: N passed, N failed, N skipped"; exits non-zero on any failure.
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
suites=(tests/CampaignHub.UnitTests tests/CampaignHub.FunctionalTests tests/CampaignHub.EndToEndTests)
for suite in "${suites[@]}"; do
  name="$(basename "$suite")"
  echo "== $name"
  if ! dotnet test "$suite" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
      -- RunConfiguration.TestSessionTimeout=1500000; then
    status=1
  fi
  [ -f "$results/$name.trx" ] || { echo "$name produced no results (crashed?)"; status=1; }
done

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
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status

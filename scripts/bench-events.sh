#!/usr/bin/env bash
# Benchmark for issue 3 (events, figures and totals at scale), through the app's own services on SQLite:
#   a fresh SQLite file migrated by the app's DbContext, bulk-seeded with 100,000 events and 1,000,000 figure
#   values (~100 campaigns, 25 units, one one-week campaign of exactly 1,000 events), then 5 timed runs
#   after one warm-up of:
#   (a) the event list's first page of 25 with a filter (campaign + kind; unit + one month), sorted by start;
#   (b) the totals of the 1,000-event week.
# Prints the SQL and EXPLAIN QUERY PLAN of each, an index check, and a Markdown table of medians; paste the table
# into docs/benchmarks.md. Extra arguments go to the benchmark (--runs N, --events N, --figures N, --analyze, --keep).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build benchmarks/CampaignHub.Benchmarks/CampaignHub.Benchmarks.csproj -c Release -v quiet -nologo >/dev/null
exec dotnet benchmarks/CampaignHub.Benchmarks/bin/Release/net10.0/CampaignHub.Benchmarks.dll "$@"

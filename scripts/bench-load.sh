#!/usr/bin/env bash
# Benchmark for issue 14: API reads under load. Installs Debian's hey when missing, builds in Release, then runs the
# real app with demo data and an imported 1,000-event week, on SQLite and on a throw-away PostgreSQL server
# (scripts/test-postgres.sh), and asks hey for /health, the event list and the week's totals at 1, 10 and 50
# concurrent clients. Prints a Markdown table per database; paste them into docs/benchmarks.md.
# Usage: scripts/bench-load.sh [--seconds N]   (20 s per row by default; 9 rows per database)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v hey >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends hey >/dev/null
fi
bash scripts/system-packages.sh --tests

dotnet build CampaignHub.sln -c Release -v quiet -nologo >/dev/null
bench="benchmarks/CampaignHub.Benchmarks/bin/Release/net10.0/CampaignHub.Benchmarks.dll"

dotnet "$bench" --load "$@"

server="$(bash scripts/test-postgres.sh start)"
folder="$(echo "$server" | sed -n 1p)"
trap 'bash "$root/scripts/test-postgres.sh" stop "$folder"' EXIT
dotnet "$bench" --load --postgres "$(echo "$server" | sed -n 2p)" "$@"

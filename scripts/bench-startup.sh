#!/usr/bin/env bash
# Benchmark for the foundation (issue 2), measured with curl:
#   1. cold start: process start -> first 200 from /health, on a fresh SQLite database (migrations applied,
#      first admin created), 5 runs;
#   2. warm home page: server time (curl's time_starttransfer) of GET / for a signed-in admin, 5 requests after
#      one warm-up.
# Prints a Markdown table of medians; paste it into docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs=5
port="${BENCH_PORT:-5099}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=""

dotnet build src/CampaignHub.Web/CampaignHub.Web.csproj -c Release -v quiet -nologo >/dev/null
app="$root/src/CampaignHub.Web/bin/Release/net10.0"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start_app() { # $1 = database file
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__CampaignHub="Data Source=$1" Admin__Email=bench@example.org Admin__Password='Bench-Password-1' \
    Serilog__WriteTo__1__Args__path="$work/logs/log-.txt" \
    exec dotnet CampaignHub.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
  pid=$!
}

cold=()
for i in $(seq 1 $runs); do
  t0=$(date +%s%N)
  start_app "$work/cold-$i.db"
  until curl -fs -o /dev/null "$base/health"; do sleep 0.02; done
  t1=$(date +%s%N)
  cold+=("$(( (t1 - t0) / 1000000 ))")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

start_app "$work/warm.db"
until curl -fs -o /dev/null "$base/health"; do sleep 0.05; done
jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$base/Account/Login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=bench@example.org" --data-urlencode "Input.Password=Bench-Password-1"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/")   # warm-up, and proof we are signed in
[ "$code" = "200" ] || { echo "sign-in for the benchmark failed (GET / answered $code)" >&2; exit 1; }
warm=()
for i in $(seq 1 $runs); do
  warm+=("$(curl -s -o /dev/null -b "$jar" -w '%{time_starttransfer}' "$base/" | awk '{printf "%.1f", $1 * 1000}')")
done

echo "| measure (median of $runs) | result | runs |"
echo "|---|---|---|"
echo "| cold start to /health 200, fresh SQLite | $(printf '%s\n' "${cold[@]}" | median) ms | ${cold[*]} |"
echo "| GET / signed in, warm, time to first byte | $(printf '%s\n' "${warm[@]}" | median) ms | ${warm[*]} |"

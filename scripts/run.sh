#!/usr/bin/env bash
# Runs CampaignHub on http://localhost:5000 with the embedded SQLite database (data/campaignhub.db), migrated at
# start-up, and in Development the demo data and demo accounts. Any setting can be overridden by environment
# variables, e.g. Database__Provider=SqlServer ConnectionStrings__CampaignHub="Server=...".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Chromium is needed only for PDFs: the app runs without it and says so in its log.
bash scripts/system-packages.sh || true

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__CampaignHub="${ConnectionStrings__CampaignHub:-Data Source=$root/data/campaignhub.db}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/CampaignHub.Web/CampaignHub.Web.csproj -c Release -v quiet -nologo
exec dotnet run --project src/CampaignHub.Web/CampaignHub.Web.csproj -c Release --no-build --no-launch-profile \
  -- --urls "${ASPNETCORE_URLS:-http://localhost:5000}" "$@"

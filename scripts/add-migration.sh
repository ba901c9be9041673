#!/usr/bin/env bash
# Adds a migration with the same name for every provider (SQLite, SQL Server, PostgreSQL), from the one model.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/src/CampaignHub.Web"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" --context "${provider}CampaignHubDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "CampaignHub.Web.Data.Migrations.$provider"
  # With --namespace, dotnet-ef writes the model snapshot under a folder named after the namespace; move it back.
  if [ -d CampaignHub/Web/Data/Migrations/$provider ]; then
    mv CampaignHub/Web/Data/Migrations/$provider/*.cs "Data/Migrations/$provider/"
  fi
done
rm -rf CampaignHub
echo "Added migration $name for Sqlite, SqlServer and PostgreSql."

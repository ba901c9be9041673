# CampaignHub web app. .NET 10 ships no Debian images and Ubuntu's chromium is a snap that cannot run in a
# container, so the app is published self-contained and runs on Debian 12 with Debian's chromium and CJK fonts,
# the same setup BUILD-NOTES describes for developer machines.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CampaignHub.Web/CampaignHub.Web.csproj src/CampaignHub.Web/
RUN dotnet restore src/CampaignHub.Web/CampaignHub.Web.csproj -r linux-x64
COPY src/ src/
RUN dotnet publish src/CampaignHub.Web/CampaignHub.Web.csproj -c Release -r linux-x64 --self-contained true \
      --no-restore -o /app

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-cjk libicu72 ca-certificates curl tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 1654 --home-dir /app campaignhub
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/logs /app/data && chown -R campaignhub /app/logs /app/data
USER campaignhub
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Reports__ChromiumPath=/usr/bin/chromium \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["./CampaignHub.Web"]

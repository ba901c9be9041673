#!/usr/bin/env bash
# Installs the Debian packages CampaignHub needs when they are missing (see ../shared/BUILD-NOTES.md):
#   chromium          renders PDF reports and runs the browser tests
#   fonts-noto-cjk    Chinese text in pages and PDFs (without it CJK text is boxes)
# and, with --tests:
#   poppler-utils     pdftotext/pdftoppm, used by the report tests
#   docker-compose    validates docker-compose.yml without a Docker engine
#   postgresql        the functional suite runs on a throw-away PostgreSQL server too (scripts/test-postgres.sh)
#   nginx             the several-instances test puts two app processes behind a balancer of its own (its own
#                     config, loopback port and temp folder); Debian's nginx service is stopped, never used
# Usage: scripts/system-packages.sh [--tests]   (with --tests a failed install is an error)
set -uo pipefail

required=false
[ "${1:-}" = "--tests" ] && required=true

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
# Not grep -q: with pipefail, fc-list killed by SIGPIPE when grep stops early would read as "missing".
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
if $required; then
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}"
if [ "$(id -u)" = "0" ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "Cannot install them without root. Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  $required && exit 1
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "Installing ${missing[*]} failed. Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  $required && exit 1
fi
# Installing nginx may start Debian's service on port 80 (where services start at all): the tests run their own.
for package in "${missing[@]}"; do
  if [ "$package" = nginx ]; then
    $sudo service nginx stop >/dev/null 2>&1 || true
    $sudo systemctl disable nginx >/dev/null 2>&1 || true
  fi
done
exit 0

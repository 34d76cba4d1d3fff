#!/usr/bin/env bash
# Runs every RelanceBot test on a fresh machine: installs what the tests need, then `dotnet test`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL server binaries: the PostgreSQL tests start a throwaway cluster on 127.0.0.1.
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# A real SMTP server (aiosmtpd) for the e-mail delivery tests.
if ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

# The Microsoft 365 Agents Playground, a real Teams / Web Chat client for the end-to-end tests.
npm ci --prefix tests/RelanceBot.EndToEndTests/playground --no-audit --no-fund --loglevel=error

dotnet tool restore >/dev/null
dotnet test RelanceBot.sln --nologo "$@"

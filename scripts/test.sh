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

# Chromium, driven by Playwright (never `playwright install`) in the headless demo checkout test.
if [ ! -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The Microsoft 365 Agents Playground, a real Teams / Web Chat client for the end-to-end tests.
npm ci --prefix tests/RelanceBot.EndToEndTests/playground --no-audit --no-fund --loglevel=error

dotnet tool restore >/dev/null
dotnet test RelanceBot.sln --nologo "$@"

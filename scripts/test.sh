#!/usr/bin/env bash
# Runs every RelanceBot test on a fresh machine: installs what the tests need, then `dotnet test`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests run for real, installed only when missing:
# - postgresql: the PostgreSQL tests start a throwaway cluster on 127.0.0.1;
# - chromium: the headless demo-checkout test (driven by Playwright; never `playwright install`);
# - python3-aiosmtpd: a real SMTP server for the e-mail delivery tests;
# - poppler-utils: pdftotext / pdftoppm read generated PDF documents back.
missing=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Microsoft 365 Agents Playground, a real Teams / Web Chat client for the end-to-end tests.
npm ci --prefix tests/RelanceBot.EndToEndTests/playground --no-audit --no-fund --loglevel=error
# The official Direct Line client (what Web Chat uses), for the test of the bot's built-in Direct Line endpoint.
npm ci --prefix tests/RelanceBot.EndToEndTests/directline --no-audit --no-fund --loglevel=error

dotnet tool restore >/dev/null
dotnet test RelanceBot.sln --nologo "$@"

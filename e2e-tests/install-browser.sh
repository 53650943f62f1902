#!/usr/bin/env bash
# The browser tests drive Debian's chromium (Playwright never downloads a browser here) and need one CJK font, else
# Chinese renders as boxes in the screenshots. Installs them with apt when missing; does nothing when present.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-browser: missing ${missing[*]}; run as root or: sudo apt-get install chromium fonts-wqy-zenhei" >&2
  exit 1
fi
echo "install-browser: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

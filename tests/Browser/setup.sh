#!/usr/bin/env bash
# What the browser tests need: Debian's Chromium, playwright-core, and Web Chat's bundle.
# Idempotent and quick when everything is there; called by test.sh before the tests run.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WEBCHAT_VERSION=4.18.1

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {
  echo "Installing $* for the browser tests…"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
command -v chromium >/dev/null 2>&1 || apt_install chromium
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "Installing playwright-core…"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# Only the UMD bundle (window.WebChat) is needed: unpack it from the package tarball.
if [ ! -f "$HERE/.cache/webchat-$WEBCHAT_VERSION.js" ]; then
  echo "Fetching botframework-webchat@$WEBCHAT_VERSION…"
  mkdir -p "$HERE/.cache"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack "botframework-webchat@$WEBCHAT_VERSION" --loglevel=error >/dev/null && tar -xzf botframework-webchat-*.tgz package/dist/webchat.js)
  mv "$tmp/package/dist/webchat.js" "$HERE/.cache/webchat-$WEBCHAT_VERSION.js"
  rm -rf "$tmp"
fi

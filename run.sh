#!/usr/bin/env bash
# Runs the service on this machine. With ConnectionStrings__Redis set, that Redis is used as is;
# otherwise a local Garnet keeps its data in .data/garnet (git-ignored) across restarts.
set -euo pipefail
REPO=$(cd "$(dirname "$0")" && pwd)
source "$REPO/scripts/lib.sh"

SERVER_PID=""
APP_PID=""
BOT_PID=""
cleanup() {
  [ -n "$BOT_PID" ] && kill "$BOT_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ -z "${ConnectionStrings__Redis:-}" ]; then
  port=${GARNET_PORT:-6380}
  echo "Starting Garnet on 127.0.0.1:$port (data in .data/garnet)…"
  start_garnet "$port" "$REPO/.data/garnet"
  wait_for_port "$port" 120
  export ConnectionStrings__Redis="127.0.0.1:$port"
fi

# The API key: from the environment, or one made for this run (never written to a file).
key_shown="(the one in ScoringCore__ApiKeys__0)"
if [ -z "${ScoringCore__ApiKeys__0:-}" ]; then
  export ScoringCore__ApiKeys__0="dev-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  key_shown="$ScoringCore__ApiKeys__0   (made for this run only)"
fi
# Web chat secrets. The link key signs the QR codes, which are printed and must outlive a restart,
# so it (and the Direct Line secret that communes' websites hold) is made once and kept in
# .data/ (git-ignored, readable by this user only). Environment values win.
secret_file() {
  local file="$REPO/.data/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$REPO/.data"
    (umask 077; od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "$file")
  fi
  cat "$file"
}
export DirectLine__Secret="${DirectLine__Secret:-$(secret_file directline-secret)}"
export SurveyLinks__LinkKey="${SurveyLinks__LinkKey:-$(secret_file survey-link-key)}"
export SurveyLinks__AdminKey="${SurveyLinks__AdminKey:-$ScoringCore__ApiKeys__0}"
export ScoringCore__SampleUnitsFile="${ScoringCore__SampleUnitsFile:-$REPO/samples/units.json}"
core_url=${SCORING_CORE_URL:-http://127.0.0.1:5080}
bot_url=${BOT_URL:-http://127.0.0.1:5081}
# Links the bot writes into chat (exports, QR pictures) must be absolute, and from the Emulator (an
# anonymous caller) it cannot learn its address: the address it listens on is the default here.
case "$bot_url" in
  *://0.0.0.0*|*://\[::\]*|*://+*|*://\**) ;;
  *) export SurveyLinks__PublicBaseUrl="${SurveyLinks__PublicBaseUrl:-$bot_url}" ;;
esac

echo "Building…"
dotnet build "$REPO/src/ScoringCore" -c Release -v quiet -nologo >/dev/null
dotnet build "$REPO/src/Bot" -c Release -v quiet -nologo >/dev/null
# Content root = the build output, so each service reads its appsettings.json (log levels among them).
core_bin="$REPO/src/ScoringCore/bin/Release/net10.0"
bot_bin="$REPO/src/Bot/bin/Release/net10.0"
dotnet "$core_bin/ScoringCore.dll" --urls "$core_url" --contentRoot "$core_bin" &
APP_PID=$!
wait_for_port "${core_url##*:}" 60

# The bot sends completed forms to the core with the same key.
ScoringCore__BaseUrl="$core_url/" ScoringCore__ApiKey="$ScoringCore__ApiKeys__0" \
  dotnet "$bot_bin/Bot.dll" --urls "$bot_url" --contentRoot "$bot_bin" &
BOT_PID=$!
wait_for_port "${bot_url##*:}" 60

# A survey page to open, from the administrators' list of links.
sample_page=$(curl -s -H "X-Api-Key: $SurveyLinks__AdminKey" "$bot_url/api/admin/survey-links" | grep -o '"citizen":"[^"]*"' | head -1 | cut -d'"' -f4)

cat <<MSG

  Bot endpoint:  $bot_url/api/messages   (Bot Framework Emulator: open this URL, no App ID; health: $bot_url/healthz)
  Survey page:   ${sample_page:-"(no commune yet)"}   (append /poster for the A5 sheet with its QR code)
  Survey links:  curl -H "X-Api-Key: <key>" $bot_url/api/admin/survey-links   (every commune's page and poster)
  Direct Line:   $bot_url/v3/directline   (secret in .data/directline-secret, for Web Chat on a commune's site)
  Scoring core:  $core_url   (health: $core_url/healthz)
  API key:       $key_shown, header X-Api-Key
  Try:           curl -H "X-Api-Key: <key>" $core_url/api/v1/units/hai-duong/years/2026/summary
  First admin:   ConnectionStrings__Redis=$ConnectionStrings__Redis dotnet run --project src/Bot -- enrol --role admin --unit hai-duong
                 (then type "đăng ký <code>" in any chat)

  Ctrl+C stops everything.
MSG
wait -n "$APP_PID" "$BOT_PID"

#!/usr/bin/env bash
# Follows the README's "Run it on your Discord server" with the real executable against a loopback fake Discord, and
# stops at the first step that does not do what the README says. What only Discord itself can show is named as such:
# the Developer Portal (step 1) and a server admin opening the invite link in a browser (step 3), which the fake plays.
# Deviations, because there is no Discord and no internet here: the API and gateway URLs point at the fake, the
# database is a temporary file, the sources are the offline samples, and the user secret store is a temporary one
# (APPDATA), so your own is never touched. The commands are the README's, with --no-build after one build; the bot
# itself runs as `dotnet src/BotHost/bin/Debug/net10.0/BotHost.dll` (the same program) so Ctrl+C reaches it directly.
# Usage (from the repository root): bash scripts/first-hour-against-fake-discord.sh
set -euo pipefail
# Job control: without it a script's background jobs start with SIGINT ignored, and Ctrl+C could not stop the bot.
set -m
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cleanup() {
  [ -n "${bot_pid:-}" ] && kill -INT "$bot_pid" 2>/dev/null && wait "$bot_pid" 2>/dev/null || true
  [ -n "${fake_pid:-}" ] && { echo quit >&3; wait "$fake_pid" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { printf '\n== %s\n' "$*"; }

source scripts/fake-discord.sh
export FAKE_DISCORD_TOKEN="fake-bot-token-$RANDOM"
start_fake_discord "$work"
# Asks the fake one thing and prints its answer (the last line it wrote).
fake() {
  local before; before=$(wc -l <"$work/fake.out")
  echo "$*" >&3
  for _ in $(seq 400); do [ "$(wc -l <"$work/fake.out")" -gt "$before" ] && break; sleep 0.1; done
  tail -n +"$((before + 1))" "$work/fake.out"
}
export APPDATA="$work/appdata"
export Discord__ApiBaseUrl="$fake_api" Discord__GatewayUrl="$fake_gateway"
export Storage__DatabasePath="$work/bothost.db" Feeds__SourcesFile=config/samples/sources.json
unset Discord__Token BOTHOST_Discord__Token Discord__ApplicationId
bothost() { dotnet run --project src/BotHost --no-build -- "$@"; }
echo "fake Discord: api=$Discord__ApiBaseUrl gateway=$Discord__GatewayUrl"
fake server 77 88 digests | sed 's/^/  fake: /'

step "1. Create the application and its bot: Developer Portal only (not checkable here; the fake plays an application whose token is \$FAKE_DISCORD_TOKEN)"

step "2. Give BotHost the token: dotnet user-secrets set Discord:Token … --project src/BotHost"
dotnet user-secrets set Discord:Token "$FAKE_DISCORD_TOKEN" --project src/BotHost | sed 's/^/  /'
set +e; bothost doctor >"$work/doctor.1" 2>&1; set -e
head -1 "$work/doctor.1" | sed 's/^/  doctor: /'
grep -q '^✓ Discord:Token is valid' "$work/doctor.1" || fail "doctor does not find the token in the user secret store"

step "3. Add the bot to your server: invite-url (opening the link and choosing the server is a browser step; the fake accepts it as a server admin would)"
url=$(bothost invite-url)
echo "  $url"
fake invite "$url" 77 | sed 's/^/  fake: /'
grep -q 'invite accepted: the bot joined server 77 with permissions 274877991936' "$work/fake.out" || fail "the fake did not accept the invite link"

step "4. Start the bot: Feeds__FirstFetchIsBacklog=false dotnet run --project src/BotHost"
Feeds__FirstFetchIsBacklog=false dotnet src/BotHost/bin/Debug/net10.0/BotHost.dll >"$work/bot.log" 2>&1 &
bot_pid=$!
sources=$(grep -c '"url"' config/samples/sources.json)
for _ in $(seq 300); do
  grep -qs 'Slash commands checked' "$work/bot.log" && grep -qs 'gateway session is ready' "$work/bot.log" \
    && [ "$(grep -c ' Collected ' "$work/bot.log")" -ge "$sources" ] && break
  sleep 0.1
done
grep -E 'Slash commands checked|gateway session is ready' "$work/bot.log" | sed 's/^/  bot: /' | cut -c1-140
grep -qs 'gateway session is ready' "$work/bot.log" || fail "the bot did not connect; its log: $work/bot.log"
fake status | sed 's/^/  fake: /'
grep -q 'intents=1$' "$work/fake.out" || fail "the bot identified with other intents than GUILDS (1)"

step "5. Subscribe a channel: /subscribe in #digests (typed by the server's owner, sent by the fake as Discord would)"
answer=$(fake slash 77 88 subscribe)
echo "  $answer"
[[ "$answer" == "answer: Subscribed <#88>."* ]] || fail "/subscribe did not subscribe #digests"

step "6. See the first digest: /digest now"
answer=$(fake slash 77 88 digest now)
echo "  $answer"
[[ "$answer" =~ Posting\ \*\*default\*\*\ now:\ ([0-9]+)\ stories?\ in\ ([0-9]+)\ messages? ]] || fail "/digest now did not post a digest"
fake messages 88 "${BASH_REMATCH[2]}" | sed 's/^/  fake: /' | cut -c1-160

step "7. Check everything: doctor"
set +e; bothost doctor >"$work/doctor.2" 2>&1; code=$?; set -e
sed 's/^/  /' "$work/doctor.2"
[ "$code" -eq 0 ] || fail "doctor exited $code"

if grep -q "$FAKE_DISCORD_TOKEN" "$work"/bot.log "$work"/doctor.*; then fail "the token appears in the bot's output"; fi
printf '\nThe README steps reached a first digest (exit code 0 from doctor); the token appears in no line of the output.\n'

#!/usr/bin/env bash
# Shows the bot connecting to a loopback fake Discord, stopping on Ctrl+C (SIGINT) with exit code 0,
# and not registering its slash commands again when restarted on the same database.
# Usage (from the repository root): bash scripts/run-against-fake-discord.sh
set -euo pipefail
# Job control: without it a script's background jobs start with SIGINT ignored, and Ctrl+C could not be shown.
set -m
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${fake_pid:-}" ] && kill "$fake_pid" 2>/dev/null || true' EXIT

source scripts/fake-discord.sh
export FAKE_DISCORD_TOKEN="fake-bot-token"
start_fake_discord "$work"
api=$fake_api
gateway=$fake_gateway
echo "fake Discord: api=$api gateway=$gateway"

run_bot() {
  Discord__Token="$FAKE_DISCORD_TOKEN" Discord__ApiBaseUrl="$api" Discord__GatewayUrl="$gateway" \
  Storage__DatabasePath="$work/bothost.db" Feeds__SourcesFile=config/samples/sources.json \
    dotnet src/BotHost/bin/Debug/net10.0/BotHost.dll >"$work/bot.$1.log" 2>&1 &
  local bot=$!
  for _ in $(seq 200); do grep -qs 'Slash commands checked' "$work/bot.$1.log" && grep -qs 'gateway session is ready' "$work/bot.$1.log" && break; sleep 0.1; done
  grep -E 'Slash commands checked|gateway session is ready' "$work/bot.$1.log" | sed "s/^/  run $1: /"
  local start=$(date +%s.%N)
  kill -INT "$bot"
  set +e; wait "$bot"; local code=$?; set -e
  local end=$(date +%s.%N)
  printf '  run %s: Ctrl+C -> exit code %s after %.2f s\n' "$1" "$code" "$(echo "$end - $start" | bc)"
  echo status >&3; sleep 0.5
  tail -1 "$work/fake.out" | sed "s/^/  run $1: fake Discord /"
}

run_bot 1
run_bot 2
if grep -q "$FAKE_DISCORD_TOKEN" "$work"/bot.*.log; then echo "FAIL: the token appears in the bot's output"; exit 1; fi
echo "the token appears in no line of the bot's output"

# Sourced by the scripts that run the bot against the loopback fake Discord (tests/BotHost.FakeDiscordApp).
# start_fake_discord DIR: builds the solution, then starts the fake with FAKE_DISCORD_TOKEN as the bot token, its
# stdin on file descriptor 3 and its output in DIR/fake.out; sets fake_pid, fake_api and fake_gateway.
start_fake_discord() {
  local work=$1
  dotnet build BotHost.sln -v q -nologo >/dev/null
  mkfifo "$work/fake.in"
  dotnet tests/BotHost.FakeDiscordApp/bin/Debug/net10.0/BotHost.FakeDiscordApp.dll <"$work/fake.in" >"$work/fake.out" 2>&1 &
  fake_pid=$!
  exec 3>"$work/fake.in"
  for _ in $(seq 100); do grep -q '^gateway=' "$work/fake.out" && break; sleep 0.1; done
  fake_api=$(sed -n 's/^api=//p' "$work/fake.out")
  fake_gateway=$(sed -n 's/^gateway=//p' "$work/fake.out")
}

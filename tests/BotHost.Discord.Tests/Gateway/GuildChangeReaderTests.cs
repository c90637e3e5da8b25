using System.Text;
using System.Text.Json;
using BotHost.Discord.Gateway;
using BotHost.Discord.Gateway.Events;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>The GUILDS-intent events that can take a channel from the bot, read from payloads shaped as the gateway sends them.</summary>
public sealed class GuildChangeReaderTests
{
    private const int Seed = 20261212;
    private const int Mutants = 5000;

    /// <summary>A hang guard for the whole run, not a speed target.</summary>
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(60);

    private static readonly (string Event, string Data)[] Samples =
    [
        ("CHANNEL_UPDATE", """{"id":"88","type":0,"guild_id":"77","name":"digests","position":3,"parent_id":null,"permission_overwrites":[{"id":"77","type":0,"allow":"0","deny":"2048"},{"id":"4000000000000000042","type":0,"allow":"2048","deny":"0"}],"topic":null,"nsfw":false,"last_message_id":"1300000000000000001","rate_limit_per_user":0}"""),
        ("THREAD_UPDATE", """{"id":"90","type":11,"guild_id":"77","parent_id":"88","name":"weekly","owner_id":"5","thread_metadata":{"archived":false,"auto_archive_duration":1440,"locked":false}}"""),
        ("CHANNEL_DELETE", """{"id":"88","type":0,"guild_id":"77","name":"digests","permission_overwrites":[]}"""),
        ("THREAD_DELETE", """{"id":"90","guild_id":"77","parent_id":"88","type":11}"""),
        ("GUILD_ROLE_UPDATE", """{"guild_id":"77","role":{"id":"4000000000000000042","name":"BotHost","permissions":"19456","position":1,"managed":true}}"""),
        ("GUILD_ROLE_DELETE", """{"guild_id":"77","role_id":"4000000000000000042"}"""),
        ("GUILD_MEMBER_UPDATE", """{"guild_id":"77","roles":["4000000000000000042"],"user":{"id":"1100000000000000001","username":"BotHost","bot":true},"nick":null,"joined_at":"2026-01-01T00:00:00.000000+00:00"}"""),
        ("GUILD_DELETE", """{"id":"77","unavailable":true}"""),
        ("GUILD_DELETE", """{"id":"77"}"""),
    ];

    [Fact]
    public void TryRead_ChannelUpdate_CarriesTheChannelWithItsOverwrites()
    {
        var change = Read(Samples[0]);

        Assert.Equal((GuildChangeKind.ChannelUpdated, 77UL, 88UL), (change.Kind, change.GuildId, change.ChannelId));
        Assert.Equal([(77UL, 0UL, 2048UL), (4000000000000000042UL, 2048UL, 0UL)], change.Channel!.PermissionOverwrites!.Select(o => (o.Id, o.Allow, o.Deny)));
    }

    [Theory]
    [InlineData(1, GuildChangeKind.ChannelUpdated, 90UL)]
    [InlineData(2, GuildChangeKind.ChannelDeleted, 88UL)]
    [InlineData(3, GuildChangeKind.ThreadDeleted, 90UL)]
    [InlineData(4, GuildChangeKind.RoleChanged, null)]
    [InlineData(5, GuildChangeKind.RoleChanged, null)]
    public void TryRead_ChannelThreadAndRoleEvents_NameTheirGuildAndChannel(int sample, GuildChangeKind kind, ulong? channelId)
    {
        var change = Read(Samples[sample]);

        Assert.Equal((kind, 77UL, channelId), (change.Kind, change.GuildId, change.ChannelId));
    }

    [Fact]
    public void TryRead_MemberUpdate_CarriesTheUserAndTheirRoles()
    {
        var change = Read(Samples[6]);

        Assert.Equal((GuildChangeKind.MemberUpdated, 77UL, 1100000000000000001UL), (change.Kind, change.GuildId, change.UserId));
        Assert.Equal([4000000000000000042UL], change.Roles);
    }

    [Fact]
    public void TryRead_GuildDelete_TellsAnOutageFromARemoval()
    {
        Assert.Equal(GuildChangeKind.GuildUnavailable, Read(Samples[7]).Kind);
        Assert.Equal(GuildChangeKind.GuildLeft, Read(Samples[8]).Kind);
    }

    [Theory]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":"88","guild_id":"77"}""")]
    [InlineData("CHANNEL_UPDATE", """{"id":"12","type":1,"recipients":[]}""")]
    [InlineData("GUILD_ROLE_UPDATE", """{"role":{"id":"1"}}""")]
    [InlineData("GUILD_MEMBER_UPDATE", """{"guild_id":"77","roles":[42],"user":{"id":"5"}}""")]
    [InlineData("GUILD_DELETE", """{"id":77}""")]
    [InlineData("CHANNEL_DELETE", "null")]
    public void TryRead_OtherEventsAndPayloadsWithoutAGuild_AreNoChange(string eventName, string data)
        => Assert.False(GuildChangeReader.TryRead(Dispatch(eventName, data), out _));

    [Fact]
    public async Task TryRead_OverSeededMutants_NeverThrowsAndReadsOnlyIdsThePayloadCarries()
    {
        var run = Task.Run(() => Run(Seed), TestContext.Current.CancellationToken);

        var (read, parsed, failures) = await run.WaitAsync(RunBound, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"seed {Seed}: {Mutants} mutants, {parsed} valid JSON, {read} read as changes, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} mutants broke a rule, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(parsed > Mutants / 10 && read > parsed / 10 && parsed - read > parsed / 10,
            $"seed {Seed}: the mutants must exercise both paths ({parsed} valid JSON, {read} read, {parsed - read} not)");
    }

    private static (int Read, int Parsed, List<string> Failures) Run(int seed)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        int read = 0, parsed = 0;
        for (var i = 0; i < Mutants; i++)
        {
            var (eventName, data) = Samples[random.Next(Samples.Length)];
            var mutant = Mutate(random, data);
            GatewayDispatch dispatch;
            try
            {
                dispatch = Dispatch(eventName, mutant);
            }
            catch (JsonException)
            {
                continue;
            }

            parsed++;
            try
            {
                if (GuildChangeReader.TryRead(dispatch, out var change))
                {
                    read++;
                    // Every id read must be a snowflake string the payload carries, never a default or a guess.
                    foreach (var id in new[] { change.GuildId, change.ChannelId, change.UserId }.OfType<ulong>())
                    {
                        if (!mutant.Contains($"\"{id}\"", StringComparison.Ordinal))
                        {
                            failures.Add($"#{i} {mutant}: read id {id}, which the payload does not carry");
                        }
                    }
                }
            }
            catch (Exception ex)
            {
                failures.Add($"#{i} {mutant}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return (read, parsed, failures);
    }

    // One to three edits: drop, duplicate or replace a span, or put in a token that changes a value's JSON type.
    private static string Mutate(Random random, string text)
    {
        string[] tokens = ["null", "true", "[]", "{}", "\"\"", "\"-1\"", "\"18446744073709551616\"", "1e309", "\"0\"", "\"9\"", ",", ":", "\"", "\\u0000"];
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 4); edits > 0 && builder.Length > 2; edits--)
        {
            var at = random.Next(builder.Length);
            var length = Math.Min(random.Next(1, 12), builder.Length - at);
            switch (random.Next(3))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                default:
                    builder.Remove(at, length).Insert(at, tokens[random.Next(tokens.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    private static GuildChange Read((string Event, string Data) sample)
    {
        Assert.True(GuildChangeReader.TryRead(Dispatch(sample.Event, sample.Data), out var change));
        return change;
    }

    private static GatewayDispatch Dispatch(string eventName, string data)
    {
        using var document = JsonDocument.Parse(data);
        return new GatewayDispatch(eventName, 1, document.RootElement.Clone());
    }
}

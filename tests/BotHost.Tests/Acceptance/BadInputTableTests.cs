using System.Text.Json.Nodes;
using BotHost.Discord.Interactions.Commands;
using BotHost.Tests.Bridge;
using static BotHost.Tests.Bridge.InteractionJson;

namespace BotHost.Tests.Acceptance;

/// <summary>
/// Issue 10, acceptance 2: each bad input gets one clear private answer saying what to type instead, and the
/// subscriptions table is exactly as it was (an existing subscription is there to be damaged, and is not).
/// </summary>
public sealed class BadInputTableTests
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "unknown time zone", Subscribe(Option("timezone", "Mars/Olympus")), "Unknown time zone 'Mars/Olympus'; type an IANA zone name such as" },
        { "misspelt time zone", Subscribe(Option("timezone", "Europe/Berln")), "such as Europe/Berlin or UTC" },
        { "bad time", Subscribe(Option("time", "9am")), "Time must be HH:MM, 24-hour; you typed 9am → try 09:00." },
        { "regex that times out", Subscribe(Option("include-pattern", "(a+)+$")), "The include pattern takes too long to match" },
        { "invalid regex", Subscribe(Option("exclude-pattern", "([unclosed")), "The exclude pattern is not a valid regular expression" },
        { "26 topics", Subscribe(Option("topics", string.Join(", ", Enumerable.Range(1, 26).Select(i => $"t{i}")))), "At most 25 topics; you typed 26." },
        { "unknown topic", Subscribe(Option("topics", "bakend")), "Unknown topic 'bakend' (did you mean backend?)" },
        { "size out of range", Subscribe(Option("size", 40, type: 4)), "Size must be between 1 and 25 stories; you typed 40 → try 25." },
        { "another guild's channel", OtherGuildChannel(), "That channel belongs to another server; pick a channel of this server." },
        { "empty search", Search("zzzqqq"), "No stories match zzzqqq." },
        { "blank search", Search("   "), "Type a word or two to search for, e.g. sqlite" },
        { "FTS syntax", Search("\"unclosed"), "Your search has a \" with no closing quote." },
        { "dangling FTS operator", Search("sqlite AND"), "AND needs a word on each side" },
        { "bad since", Search("sqlite", Option("since", "last week")), "since must be a duration like 24h, 7d or 2w" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_GetsAClearPrivateMessage_AndChangesNothingStored(string what, string payload, string expected)
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.InvokeAsync(Slash(1, "t", "subscribe", Options(Option("topics", "backend"), Option("time", "07:00"))));
        var before = await harness.DumpAsync("subscriptions");

        var answer = await harness.InvokeAsync(payload);

        var message = Assert.IsType<CommandResponse.MessageResponse>(answer);
        Assert.True(message.Ephemeral, what);
        Assert.Contains(expected, message.Content, StringComparison.Ordinal);
        Assert.Null(message.Components);
        Assert.NotEqual("", before);
        Assert.Equal(before, await harness.DumpAsync("subscriptions"));
    }

    private static string Subscribe(params JsonObject[] options) => Slash(2, "t", "subscribe", Options(options));

    private static string Search(string query, params JsonObject[] more) => Slash(2, "t", "search", Options([Option("query", query), .. more]));

    private static string OtherGuildChannel() => Slash(2, "t", "subscribe", Options(Option("channel", "4040", type: 7)), resolved: new JsonObject
    {
        ["channels"] = new JsonObject
        {
            ["4040"] = new JsonObject { ["id"] = "4040", ["name"] = "theirs", ["type"] = 0, ["guild_id"] = "999", ["permissions"] = "16", ["app_permissions"] = "19456" },
        },
    });
}

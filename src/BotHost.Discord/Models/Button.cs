namespace BotHost.Discord.Models;

/// <summary>
/// Component type 2. Styles 1–4 and 6 need a <see cref="CustomId"/>; style 5 (link) needs a
/// <see cref="Url"/> and no custom id (D: Components › Button).
/// </summary>
public sealed record Button
{
    public const int LinkStyle = 5;

    public int Type { get; init; } = 2;

    public int Style { get; init; } = 1;

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public bool? Disabled { get; init; }

    public static Button Link(string label, string url) => new() { Style = LinkStyle, Label = label, Url = url };
}

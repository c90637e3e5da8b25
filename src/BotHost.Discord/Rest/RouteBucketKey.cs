namespace BotHost.Discord.Rest;

/// <summary>
/// Identity of one rate limit: Discord's bucket hash plus the top-level id, since the hash deliberately
/// leaves the top-level resource out (/channels/1 and /channels/2 share a hash but limit separately).
/// Until the hash is learned, "method template" stands in for it.
/// </summary>
internal readonly record struct RouteBucketKey(string Bucket, string MajorParameter)
{
    public static RouteBucketKey Unlearned(DiscordRoute route)
        => new($"{route.Method.Method} {route.Template}", route.MajorParameter);

    /// <summary>Loggable: webhook majors hold a token, so only the bucket part is shown for them.</summary>
    public override string ToString() => MajorParameter.Contains('/', StringComparison.Ordinal) ? $"{Bucket}:webhook" : $"{Bucket}:{MajorParameter}";
}

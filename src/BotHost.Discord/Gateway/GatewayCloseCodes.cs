namespace BotHost.Discord.Gateway;

/// <summary>What to do after Discord closes the socket (FACTS §4, Gateway Close Event Codes).</summary>
internal static class GatewayCloseCodes
{
    public static CloseAction Classify(int code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Fatal,
        4007 or 4009 => CloseAction.NewSession,
        // 4000-4003/4005/4008 are documented as resumable; unknown codes get a resume attempt too,
        // which falls back to identify through op 9 if the session is gone.
        _ => CloseAction.Resume,
    };

    /// <summary>Human cause, naming the setting to fix for fatal codes.</summary>
    public static string Describe(int code) => code switch
    {
        4000 => "unknown error",
        4001 => "unknown opcode sent",
        4002 => "payload could not be decoded",
        4003 => "payload sent before identifying",
        4004 => "authentication failed: check Discord:Token",
        4005 => "already identified",
        4007 => "invalid sequence on resume",
        4008 => "rate limited (more than 120 sends per 60 s)",
        4009 => "session timed out",
        4010 => "invalid shard: check Discord:ShardId and Discord:ShardCount",
        4011 => "sharding required: set Discord:ShardCount (GET /gateway/bot recommends a count)",
        4012 => "invalid API version: this client speaks gateway v10",
        4013 => "invalid intents: check Discord:Intents",
        4014 => "disallowed intents: Discord:Intents asks for a privileged intent not enabled in the developer portal",
        _ => "unlisted close code",
    };
}

internal enum CloseAction
{
    Resume,
    NewSession,
    Fatal,
}

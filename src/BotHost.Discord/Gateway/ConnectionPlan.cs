using System.Text;

namespace BotHost.Discord.Gateway;

/// <summary>Where to connect and what to send after HELLO: exactly one of Identify or Resume.</summary>
internal sealed record ConnectionPlan(Uri Url, IdentifyData? Identify, ResumeData? Resume)
{
    // Printed explicitly so the token stays out even if the nested records' printing changes.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url)
            .Append(", Identify = ").Append(Identify is null ? "null" : "{ Token = <redacted>, Intents = " + Identify.Intents + " }")
            .Append(", Resume = ").Append(Resume is null ? "null" : "{ Token = <redacted>, SessionId = " + Resume.SessionId + ", Seq = " + Resume.Seq + " }");
        return true;
    }
}

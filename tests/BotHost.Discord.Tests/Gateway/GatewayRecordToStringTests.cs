using BotHost.Discord.Gateway;

namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayRecordToStringTests
{
    private const string Token = "MTA-secret.token-value.xyz";

    private static readonly IdentifyData Identify = new(Token, new IdentifyProperties("linux", "bothost", "bothost"), 1, [0, 1]);

    private static readonly ResumeData Resume = new(Token, "session-1", 42);

    [Fact]
    public void IdentifyData_ToString_DoesNotContainTheToken()
    {
        var text = Identify.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("Intents = 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeData_ToString_DoesNotContainTheToken()
    {
        var text = Resume.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("session-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionPlan_ToString_DoesNotContainTheToken()
    {
        var identifying = new ConnectionPlan(new Uri("wss://127.0.0.1/"), Identify, null).ToString();
        var resuming = new ConnectionPlan(new Uri("wss://127.0.0.1/"), null, Resume).ToString();

        Assert.DoesNotContain(Token, identifying, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, resuming, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", identifying, StringComparison.Ordinal);
    }
}

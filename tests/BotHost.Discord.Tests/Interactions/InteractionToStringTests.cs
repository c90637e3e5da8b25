namespace BotHost.Discord.Tests.Interactions;

public sealed class InteractionToStringTests
{
    [Fact]
    public void Interaction_ToString_DoesNotContainTheToken()
    {
        var interaction = InteractionBuilder.Command("echo") with { Token = "aW50ZXJhY3Rpb24-secret-token" };

        var text = interaction.ToString();

        Assert.DoesNotContain("aW50ZXJhY3Rpb24-secret-token", text, StringComparison.Ordinal);
        Assert.Contains(interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }
}

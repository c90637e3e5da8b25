using BotHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Hosting;

public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Discord:ApiBaseUrl", "discord.com/api", "Discord:ApiBaseUrl")]
    [InlineData("Discord:GatewayUrl", "http://127.0.0.1:1", "Discord:GatewayUrl")]
    [InlineData("Feeds:MaxBodyBytes", "0", "Feeds:MaxBodyBytes")]
    [InlineData("Storage:RetentionDays", "0", "Storage:RetentionDays")]
    [InlineData("Feeds:ParseTimeoutSeconds", "0", "Feeds:ParseTimeoutSeconds")]
    [InlineData("Operations:Address", "localhost", "Operations:Address must be an IP address")]
    [InlineData("Operations:Port", "70000", "Operations:Port")]
    [InlineData("Operations:MetricsPath", "/healthz", "Operations:MetricsPath")]
    public async Task Start_WithInvalidSetting_FailsWithAMessageNamingTheKey(string key, string value, string named)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Discord:Token"] = "",
            [key] = value,
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, string.Join(" ", error.Failures), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "bothost.db")), "nothing may be written before configuration is valid");
    }

    [Fact]
    public void Configuration_FromFiles_NeverReloads_SoNoWatcherWakesOnEveryWriteUnderTheWorkingDirectory()
    {
        var builder = BotHostApplication.CreateBuilder(forCli: false);

        var files = ((IConfigurationRoot)builder.Configuration).Providers.OfType<JsonConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} reloads on change"));
    }
}

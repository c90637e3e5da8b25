using System.Net;
using BotHost.Discord;
using BotHost.Discord.Interactions.Registration;
using BotHost.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Cli.Doctor;

/// <summary>The token, the application it belongs to, and whether the registered slash commands are today's.</summary>
internal sealed class DiscordChecks(IServiceProvider services)
{
    private readonly DiscordOptions _options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;

    public bool HasToken => !string.IsNullOrWhiteSpace(_options.Token);

    public async Task<(DoctorLine Line, bool Valid)> TokenAsync(CancellationToken cancellationToken)
    {
        if (!HasToken)
        {
            return (DoctorLine.Failed("Discord:Token is not set",
                "set the bot token: dotnet user-secrets set Discord:Token <token> --project src/BotHost, or the Discord__Token environment variable"), false);
        }

        try
        {
            var me = await services.GetRequiredService<DiscordRestClient>().GetCurrentUserAsync(cancellationToken);
            return (DoctorLine.Ok($"Discord:Token is valid: the bot is {me.Username} (user {me.Id})"), true);
        }
        catch (DiscordHttpException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            return (DoctorLine.Failed("Discord rejected Discord:Token (401 Unauthorized)",
                "copy a new token (Developer Portal → your application → Bot → Reset Token) and set it again"), false);
        }
        catch (Exception ex) when (DiscordFailure.Is(ex))
        {
            return (Unreachable(ex), false);
        }
    }

    /// <summary>The token's application, checked against Discord:ApplicationId when that is set.</summary>
    public async Task<(DoctorLine Line, ulong? ApplicationId)> ApplicationAsync(CancellationToken cancellationToken)
    {
        try
        {
            var application = await services.GetRequiredService<DiscordRestClient>().GetCurrentApplicationAsync(cancellationToken);
            return _options.ApplicationId switch
            {
                null => (DoctorLine.Ok($"application {application.Id} ({application.Name}), read from the token; Discord:ApplicationId is not set"), application.Id),
                var configured when configured == application.Id => (DoctorLine.Ok($"Discord:ApplicationId {configured} is the token's application ({application.Name})"), application.Id),
                var configured => (DoctorLine.Failed($"Discord:ApplicationId is {configured}, but the token belongs to application {application.Id} ({application.Name})",
                    $"set Discord:ApplicationId to {application.Id}, or remove it (it is then read from the token)"), null),
            };
        }
        catch (Exception ex) when (DiscordFailure.Is(ex))
        {
            return (Unreachable(ex), null);
        }
    }

    /// <summary>One line per registration scope: the hash stored at the last registration against today's definitions.</summary>
    public async Task<IReadOnlyList<DoctorLine>> CommandsAsync(ulong applicationId, CancellationToken cancellationToken)
    {
        var lines = new List<DoctorLine>();
        foreach (var scope in await services.GetRequiredService<CommandRegistrar>().CheckAsync(applicationId, cancellationToken))
        {
            var where = scope.Scope.StartsWith("guild:", StringComparison.Ordinal) ? $"in the development guild {_options.DevGuildId}" : "globally";
            lines.Add(scope switch
            {
                { IsCurrent: true } => DoctorLine.Ok($"slash commands registered {where} are current"),
                { StoredHash: null } => DoctorLine.Failed($"slash commands were never registered {where} for application {applicationId} from this database",
                    "start the bot: it registers them at start"),
                _ => DoctorLine.Failed($"slash commands changed since they were registered {where}", "restart the bot: it registers the new definitions at start"),
            });
        }

        return lines;
    }

    private DoctorLine Unreachable(Exception ex)
        => DoctorLine.Failed($"Discord could not be asked ({ex.Message})", $"check the network and Discord:ApiBaseUrl ({_options.ApiBaseUrl}), then run doctor again");
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using BotHost.Bridge.Permissions;
using BotHost.Discord;
using BotHost.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Cli;

/// <summary>
/// `invite-url`: the OAuth2 link that adds the bot to a server with its slash commands and exactly the permissions
/// delivery uses (<see cref="PostingPermissions.Invite"/>). The application id is Discord:ApplicationId, else read
/// from GET /applications/@me with Discord:Token.
/// </summary>
public static class InviteUrlCommand
{
    public const string AuthorizeUrl = "https://discord.com/oauth2/authorize";

    public static Command Create(CliConsole console)
    {
        var command = new Command("invite-url", "Print the link that adds the bot to a server (scopes bot and applications.commands, the permissions BotHost uses).");
        command.SetAction(async (_, ct) =>
        {
            try
            {
                using var host = CliServices.BuildWithDiscord(console.Settings);
                var resolved = await ApplicationIdAsync(host.Services, ct);
                if (resolved.Id is not { } id)
                {
                    return console.Fail(resolved.Error!);
                }

                await console.Out.WriteLineAsync(For(id));
                return 0;
            }
            catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
            {
                return console.Fail(message, 2);
            }
        });
        return command;
    }

    /// <summary>https://discord.com/oauth2/authorize?client_id=…&amp;scope=bot+applications.commands&amp;permissions=N</summary>
    public static string For(ulong applicationId) => string.Create(CultureInfo.InvariantCulture,
        $"{AuthorizeUrl}?client_id={applicationId}&scope=bot+applications.commands&permissions={PostingPermissions.Invite}");

    /// <summary>Discord:ApplicationId, else the token's application; or the sentence that says what to set.</summary>
    internal static async Task<(ulong? Id, string? Error)> ApplicationIdAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (options.ApplicationId is { } configured)
        {
            return (configured, null);
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            return (null, "the application id is unknown: set Discord:ApplicationId (Developer Portal → your application → General Information → " +
                          "Application ID), or set Discord:Token and it is read from Discord.");
        }

        try
        {
            return ((await services.GetRequiredService<DiscordRestClient>().GetCurrentApplicationAsync(cancellationToken)).Id, null);
        }
        catch (DiscordHttpException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            return (null, "Discord rejected Discord:Token (401). Copy a fresh token (Developer Portal → Bot → Reset Token) and set it again, " +
                          "or set Discord:ApplicationId.");
        }
        catch (Exception ex) when (ex is DiscordHttpException or HttpRequestException or TimeoutException or IOException)
        {
            return (null, $"could not read the application id from {options.ApiBaseUrl} ({ex.Message}); set Discord:ApplicationId instead.");
        }
    }
}

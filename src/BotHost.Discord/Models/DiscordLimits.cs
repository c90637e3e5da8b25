namespace BotHost.Discord.Models;

/// <summary>
/// Discord's message limits (D: Message › Create Message, › Embed Limits; D: Components). Checked before
/// sending so a bad digest fails here, naming the field, instead of as an opaque 50035 from Discord.
/// Lengths are UTF-16 code units, which is never less than what Discord counts, so a pass here passes there.
/// </summary>
public static class DiscordLimits
{
    /// <summary>The docs say 2000 for bots; the spec's 4000 is wrong for bot messages.</summary>
    public const int ContentLength = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitleLength = 256;
    public const int EmbedDescriptionLength = 4096;
    public const int EmbedFieldCount = 25;
    public const int EmbedFieldNameLength = 256;
    public const int EmbedFieldValueLength = 1024;
    public const int EmbedFooterTextLength = 2048;
    public const int EmbedAuthorNameLength = 256;
    public const int EmbedTotalLength = 6000;
    public const int EmbedUrlLength = 2048;
    public const int EmbedColorMax = 0xFFFFFF;
    public const int NonceLength = 25;
    public const int ActionRowsPerMessage = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabelLength = 80;
    public const int CustomIdLength = 100;
    public const int LinkButtonUrlLength = 512;

    /// <exception cref="DiscordValidationException">The first broken limit, naming its field.</exception>
    public static void Validate(MessageCreate message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hasContent = !string.IsNullOrEmpty(message.Content);
        var hasEmbeds = message.Embeds is { Count: > 0 };
        var hasComponents = message.Components is { Count: > 0 };
        if (!hasContent && !hasEmbeds && !hasComponents)
        {
            throw new DiscordValidationException("content", "a message needs at least one of content, embeds or components");
        }

        if (message.Nonce is { } nonce && (nonce.Length == 0 || nonce.Length > NonceLength))
        {
            throw new DiscordValidationException("nonce", $"must be 1 to {NonceLength} characters (was {nonce.Length})");
        }

        if (message.EnforceNonce == true && message.Nonce is null)
        {
            throw new DiscordValidationException("nonce", "is required when enforce_nonce is true");
        }

        ValidateBody(message.Content, message.Embeds, message.Components);
    }

    /// <exception cref="DiscordValidationException">The first broken limit, naming its field.</exception>
    public static void Validate(MessageEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ValidateBody(edit.Content, edit.Embeds, edit.Components);
    }

    internal static void ValidateBody(string? content, IReadOnlyList<Embed>? embeds, IReadOnlyList<ActionRow>? components)
    {
        MaxLength("content", content, ContentLength);
        if (embeds is not null)
        {
            ValidateEmbeds(embeds);
        }

        if (components is not null)
        {
            ValidateComponents(components);
        }
    }

    private static void ValidateEmbeds(IReadOnlyList<Embed> embeds)
    {
        MaxCount("embeds", embeds.Count, EmbedsPerMessage);
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i] ?? throw new DiscordValidationException($"embeds[{i}]", "must not be null");
            var path = $"embeds[{i}]";
            MaxLength($"{path}.title", embed.Title, EmbedTitleLength);
            MaxLength($"{path}.description", embed.Description, EmbedDescriptionLength);
            MaxLength($"{path}.url", embed.Url, EmbedUrlLength);
            if (embed.Color is { } color && (color < 0 || color > EmbedColorMax))
            {
                throw new DiscordValidationException($"{path}.color", $"must be between 0 and {EmbedColorMax} (was {color})");
            }

            total += Trimmed(embed.Title) + Trimmed(embed.Description);
            if (embed.Footer is { } footer)
            {
                MaxLength($"{path}.footer.text", footer.Text, EmbedFooterTextLength);
                MaxLength($"{path}.footer.icon_url", footer.IconUrl, EmbedUrlLength);
                total += Trimmed(footer.Text);
            }

            if (embed.Author is { } author)
            {
                MaxLength($"{path}.author.name", author.Name, EmbedAuthorNameLength);
                MaxLength($"{path}.author.url", author.Url, EmbedUrlLength);
                MaxLength($"{path}.author.icon_url", author.IconUrl, EmbedUrlLength);
                total += Trimmed(author.Name);
            }

            if (embed.Fields is { } fields)
            {
                MaxCount($"{path}.fields", fields.Count, EmbedFieldCount);
                for (var f = 0; f < fields.Count; f++)
                {
                    var field = fields[f];
                    MaxLength($"{path}.fields[{f}].name", field.Name, EmbedFieldNameLength);
                    MaxLength($"{path}.fields[{f}].value", field.Value, EmbedFieldValueLength);
                    total += Trimmed(field.Name) + Trimmed(field.Value);
                }
            }
        }

        if (total > EmbedTotalLength)
        {
            throw new DiscordValidationException(
                "embeds",
                $"title, description, field names and values, footer text and author name of all embeds together must be at most {EmbedTotalLength} characters (was {total})");
        }
    }

    private static void ValidateComponents(IReadOnlyList<ActionRow> rows)
    {
        MaxCount("components", rows.Count, ActionRowsPerMessage);
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            MaxCount($"components[{r}].components", row.Components.Count, ButtonsPerRow);
            if (row.Components.Count == 0)
            {
                throw new DiscordValidationException($"components[{r}].components", "an action row needs at least one button");
            }

            for (var b = 0; b < row.Components.Count; b++)
            {
                ValidateButton($"components[{r}].components[{b}]", row.Components[b], customIds);
            }
        }
    }

    private static void ValidateButton(string path, Button button, HashSet<string> customIds)
    {
        MaxLength($"{path}.label", button.Label, ButtonLabelLength);
        if (button.Style == Button.LinkStyle)
        {
            if (string.IsNullOrEmpty(button.Url))
            {
                throw new DiscordValidationException($"{path}.url", "a link button needs a url");
            }

            MaxLength($"{path}.url", button.Url, LinkButtonUrlLength);
            if (button.CustomId is not null)
            {
                throw new DiscordValidationException($"{path}.custom_id", "a link button must not have a custom_id");
            }

            return;
        }

        if (button.CustomId is not { Length: >= 1 and <= CustomIdLength } customId)
        {
            throw new DiscordValidationException($"{path}.custom_id", $"must be 1 to {CustomIdLength} characters (was {button.CustomId?.Length ?? 0})");
        }

        if (!customIds.Add(customId))
        {
            throw new DiscordValidationException($"{path}.custom_id", $"must be unique within the message (\"{customId}\" repeats)");
        }
    }

    private static void MaxLength(string path, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw new DiscordValidationException(path, $"must be at most {max} characters (was {value.Length})");
        }
    }

    private static void MaxCount(string path, int count, int max)
    {
        if (count > max)
        {
            throw new DiscordValidationException(path, $"must have at most {max} items (had {count})");
        }
    }

    private static int Trimmed(string? value) => value is null ? 0 : value.AsSpan().Trim().Length;
}

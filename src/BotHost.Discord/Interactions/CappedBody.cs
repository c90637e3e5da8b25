namespace BotHost.Discord.Interactions;

/// <summary>Reads a whole HTTP body under a byte cap; chunked bodies announce no length, so the cap is checked while reading.</summary>
internal static class CappedBody
{
    /// <returns>The body, or null as soon as it exceeds <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

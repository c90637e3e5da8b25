using System.Buffers;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>Reads a (possibly decompressing) stream into memory, stopping as soon as it passes a byte cap.</summary>
internal static class CappedBody
{
    private const int ChunkSize = 81920;

    /// <summary>The bytes read, or null when the stream holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream source, long maxBytes, long? expectedLength, CancellationToken cancellationToken)
    {
        var initial = (int)Math.Min(Math.Min(expectedLength ?? ChunkSize, maxBytes), 1024 * 1024);
        using var buffer = new MemoryStream(Math.Max(initial, 0));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            while (true)
            {
                // Never ask for more than one byte past the cap: that byte is enough to know the body is too large.
                var want = (int)Math.Min(chunk.Length, maxBytes - total + 1);
                var read = await source.ReadAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                total += read;
                if (total > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}

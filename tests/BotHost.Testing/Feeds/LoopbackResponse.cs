using System.IO.Compression;
using System.Text;

namespace BotHost.Testing.Feeds;

/// <summary>What <see cref="LoopbackFeedServer"/> answers on one path.</summary>
public sealed class LoopbackResponse
{
    private byte[]? _wireBody;

    public int Status { get; init; } = 200;

    /// <summary>The body before any <see cref="Gzip"/> compression.</summary>
    public byte[] Body { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Compress <see cref="Body"/> with gzip and send Content-Encoding: gzip.</summary>
    public bool Gzip { get; init; }

    /// <summary>Send no Content-Length (chunked), so the client only learns the size by reading.</summary>
    public bool Chunked { get; init; }

    /// <summary>
    /// Send this many body bytes, flush, complete <see cref="BodyStarted"/>, then hang until
    /// <see cref="ReleaseStall"/> completes or the client goes away. Implies chunked.
    /// </summary>
    public int? StallAfterBytes { get; init; }

    /// <summary>Completed once the first part of a stalling body has been flushed to the client.</summary>
    public TaskCompletionSource BodyStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Complete to let a stalled body finish; cancel it to drop the connection mid-body.</summary>
    public TaskCompletionSource ReleaseStall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bytes that go on the wire (compressed when <see cref="Gzip"/> is set).</summary>
    internal byte[] WireBody => _wireBody ??= Gzip ? Compress(Body) : Body;

    public static LoopbackResponse Text(string body, string contentType = "application/rss+xml; charset=utf-8") => new()
    {
        Body = Encoding.UTF8.GetBytes(body),
        Headers = new Dictionary<string, string> { ["Content-Type"] = contentType },
    };

    public static LoopbackResponse Redirect(string location, int status = 302) => new()
    {
        Status = status,
        Headers = new Dictionary<string, string> { ["Location"] = location },
    };

    public static LoopbackResponse StatusOnly(int status, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        Status = status,
        Headers = headers ?? new Dictionary<string, string>(),
    };

    /// <summary>
    /// A gzip bomb: <paramref name="uncompressedBytes"/> zero bytes, compressed without ever holding them in memory,
    /// served with Content-Encoding: gzip.
    /// </summary>
    public static LoopbackResponse GzippedZeros(long uncompressedBytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[64 * 1024];
            for (var left = uncompressedBytes; left > 0; left -= zeros.Length)
            {
                gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }
        }

        return new LoopbackResponse
        {
            Body = compressed.ToArray(),
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/rss+xml",
                ["Content-Encoding"] = "gzip",
            },
        };
    }

    private static byte[] Compress(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }
}

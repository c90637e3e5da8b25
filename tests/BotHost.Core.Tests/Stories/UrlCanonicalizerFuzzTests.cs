using System.Globalization;
using System.Text;
using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Stories;

/// <summary>
/// Seeded mutations of real and hand-made links: the canonicalizer never throws anything but its documented
/// ArgumentException (TryCanonicalize never throws), and what it accepts is a fixed point: c(c(u)) == c(u).
/// </summary>
public sealed class UrlCanonicalizerFuzzTests
{
    private const int Seed = 20261205;
    private const int Mutants = 5000;

    /// <summary>A hang guard for the whole run, not a speed target (it takes well under a second).</summary>
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(60);

    private static readonly string[] Corpus =
    [
        "https://netflixtechblog.com/rebuilding-netflix-video-processing-pipeline-with-microservices-4e5e6310e359?source=rss----2615bd06b42e---4",
        "http://dev.to/ayesha/event-driven-architecture-explained-3f0?utm_source=hackernews&utm_medium=social",
        "https://news.ycombinator.com/item?id=46100001",
        "https://www.google.com/url?sa=t&q=https%3A%2F%2Fexample.com%2Fa%3Fid%3D1&usg=x",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fa%3Futm_source%3Dfb&h=AT0",
        "https://href.li/?https://example.com/a?id=2",
        "https://out.reddit.com/t3_abc?url=https%3A%2F%2Fexample.com%2Fa&token=x",
        "https://user:pass@Example.COM:443/a/./b/../c?z=1&utm_source=x&a=2#frag",
        "http://[2001:DB8::1]:8080/a%2fb?q=%3d%26",
        "https://bücher.example/straße?x=café",
        "https://medium.com/p/7b3e2f1a9c0d?source=rss----2615bd06b42e---4&sk=9f2c01",
        "https://example.com./100%/x?&&id=4&",
        @"https://evil.example\@good.example/x",
        "https://example.com/%7Euser/%61%2D%5F",
        "HTTPS://WWW.EXAMPLE.COM:08080/A/B/..",
        "https://www.youtube.com/redirect?event=video&q=https%3A%2F%2Fexample.com%2Fa",
        "https://github.com/quartznet/quartznet/blob/main/src/Quartz/IJob.cs#L10",
        "https://lobste.rs/s/abc123/sqlite_wal_explained",
    ];

    private static readonly string[] Tokens =
    [
        "..", "./", "/../", "/./", "%2e%2E", "%2F", "%25", "%", "%z", "%zz", "%00", "%C3%A9", "%E2%80", "%F0%9F%98%80",
        "?", "#", "&", "=", "&&", "??", "##", "@", ":", "::", ":443", ":80", ":0", ":65536", ":08080",
        "[", "]", "[::1]", "[fe80::1%25eth0]", "www.", "xn--", "xn--bcher-kva", ".", "..", "-", "_", "~", "+", ";", ",",
        "utm_source=x", "UTM_Medium=y", "fbclid=1", "source=rss----2615bd06b42e---4", "source=rss-8a7c1f2e3d4b------2", "source=rss",
        "https://www.google.com/url?q=", "https://href.li/?", "https://l.facebook.com/l.php?u=", "/url?q=http://x.example/",
        "\\", "\\\\", "//", "///", "http://", "HTTPS://", "https:", "javascript:", "ftp://",
        " ", "\t", "\n", "\0", "\u0085", "\u007F", "\u00A0", "\u00AD", "\u200B", "\u2028", "\uFEFF",
        "é", "ß", "ü", "中文", "😀", "\uFFFD", "\uD800", "\uDC00", "\uFF0E", "\u3002", "\uFF0F", "İ", "K", "ﬁ",
        "\"", "'", "<", ">", "`", "{", "}", "|", "^",
    ];

    [Fact]
    public async Task Canonicalize_OverSeededMutants_ThrowsOnlyItsDocumentedErrorAndIsIdempotent()
    {
        var run = Task.Run(() => Run(Seed), TestContext.Current.CancellationToken);

        var (accepted, rejected, failures) = await run.WaitAsync(RunBound, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"seed {Seed}: {Mutants} mutants, {accepted} accepted, {rejected} rejected, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} of {Mutants} mutants broke a rule, e.g.:\n" + string.Join("\n", failures.Take(15)));
        Assert.True(accepted > Mutants / 10 && rejected > Mutants / 10, $"seed {Seed}: the mutants must exercise both paths ({accepted} accepted, {rejected} rejected)");
    }

    private static (int Accepted, int Rejected, List<string> Failures) Run(int seed)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        int accepted = 0, rejected = 0;
        for (var i = 0; i < Mutants; i++)
        {
            var mutant = Mutate(random, Corpus[random.Next(Corpus.Length)]);
            var failure = Check(mutant, ref accepted, ref rejected);
            if (failure is not null)
            {
                failures.Add($"#{i} {Show(mutant)}: {failure}");
            }
        }

        return (accepted, rejected, failures);
    }

    private static string? Check(string url, ref int accepted, ref int rejected)
    {
        bool ok;
        string once;
        try
        {
            ok = UrlCanonicalizer.TryCanonicalize(url, out once, out var error);
            if (!ok && string.IsNullOrEmpty(error))
            {
                return "rejected without saying why";
            }
        }
        catch (Exception ex)
        {
            return $"TryCanonicalize threw {ex.GetType().Name}: {ex.Message}";
        }

        try
        {
            var thrown = UrlCanonicalizer.Canonicalize(url);
            if (!ok || thrown != once)
            {
                return $"Canonicalize and TryCanonicalize disagree ({Show(thrown)} vs {(ok ? Show(once) : "rejected")})";
            }
        }
        catch (ArgumentException) when (!ok)
        {
        }
        catch (Exception ex)
        {
            return $"Canonicalize threw {ex.GetType().Name}: {ex.Message}";
        }

        if (!ok)
        {
            rejected++;
            return null;
        }

        accepted++;
        try
        {
            if (!UrlCanonicalizer.TryCanonicalize(once, out var twice, out var again))
            {
                return $"its canonical form {Show(once)} is rejected: {again}";
            }

            if (twice != once)
            {
                return $"not idempotent: {Show(once)} became {Show(twice)}";
            }

            _ = UrlCanonicalizer.StoryKey(once);
        }
        catch (Exception ex)
        {
            return $"canonical form {Show(once)} threw {ex.GetType().Name}: {ex.Message}";
        }

        return null;
    }

    private static string Mutate(Random random, string url)
    {
        var text = url;
        var steps = random.Next(1, 5);
        for (var s = 0; s < steps; s++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            text = random.Next(9) switch
            {
                0 => text.Insert(at, Tokens[random.Next(Tokens.Length)]),
                1 when text.Length > 0 => text.Remove(Math.Min(at, text.Length - 1), 1),
                2 when text.Length > 0 => Duplicate(random, text),
                3 when text.Length > 0 => PercentEncodeOne(text, Math.Min(at, text.Length - 1)),
                4 when text.Length > 0 => FlipCase(text, Math.Min(at, text.Length - 1)),
                5 => text[..at],
                6 => Wrap(random, text),
                7 => text.Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
                _ => text.Insert(at, char.ConvertFromUtf32(random.Next(0xA0, 0x2FFF))),
            };
        }

        return text;
    }

    private static string Duplicate(Random random, string text)
    {
        var start = random.Next(text.Length);
        var length = random.Next(1, Math.Min(12, text.Length - start) + 1);
        return text.Insert(start, text.Substring(start, length));
    }

    private static string PercentEncodeOne(string text, int at)
    {
        var length = char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1;
        var escaped = string.Concat(Encoding.UTF8.GetBytes(text.Substring(at, length)).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
        return text[..at] + escaped + text[(at + length)..];
    }

    private static string FlipCase(string text, int at)
    {
        var c = text[at];
        var flipped = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
        return text[..at] + flipped + text[(at + 1)..];
    }

    private static string Wrap(Random random, string text) => random.Next(3) switch
    {
        0 => "https://www.google.com/url?q=" + Uri.EscapeDataString(text),
        1 => "https://l.facebook.com/l.php?u=" + Uri.EscapeDataString(text) + "&h=AT0",
        _ => "https://href.li/?" + text,
    };

    // Failure messages show invisible and control characters as escapes.
    private static string Show(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c is < ' ' or (>= '\u007F' and <= '\u00A0') || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}

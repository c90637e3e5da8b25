using System.Globalization;
using System.Text;

namespace BotHost.Benchmarks.Stories;

/// <summary>
/// Synthetic but headline-shaped titles and article links from a fixed seed: a few frequent words
/// ("new", "release", "AI") drawn far more often than a long tail of product and company names, so LSH
/// bands collide about as often as they do on real feeds and not on every title.
/// </summary>
internal sealed class Headlines
{
    private static readonly string[] Common =
    [
        "new", "release", "released", "announces", "launches", "update", "security", "open", "source", "ai",
        "model", "models", "cloud", "data", "privacy", "bug", "vulnerability", "patch", "linux", "windows",
        "apple", "google", "microsoft", "amazon", "meta", "rust", "python", "javascript", "kernel", "browser",
        "chrome", "firefox", "android", "iphone", "chip", "chips", "gpu", "server", "database", "startup",
        "funding", "raises", "million", "billion", "acquires", "lawsuit", "court", "eu", "regulators", "ban",
        "report", "study", "researchers", "found", "breach", "hackers", "attack", "ransomware", "outage", "network",
        "users", "developers", "engineers", "team", "company", "ceo", "layoffs", "hiring", "remote", "work",
        "performance", "faster", "memory", "storage", "compiler", "language", "framework", "library", "tool", "tools",
        "version", "beta", "preview", "stable", "support", "ends", "price", "cheaper", "launch", "space",
        "rocket", "satellite", "climate", "energy", "battery", "electric", "car", "cars", "robot", "robots",
        "quantum", "computer", "phone", "laptop", "display", "game", "games", "console", "streaming", "video",
        "music", "search", "ads", "email", "password", "passkeys", "encryption", "protocol", "standard", "web",
    ];

    private static readonly string[] Verbs =
    [
        "ships", "drops", "adds", "removes", "rewrites", "opens", "blocks", "fixes", "breaks", "delays",
        "doubles", "cuts", "replaces", "tests", "unveils", "explains", "rethinks", "revives", "kills", "expands",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "zen", "tri", "vo", "mar", "qu", "ex", "ni", "ra", "sol", "bit", "ar", "den", "ix", "po",
        "tal", "ver", "sy", "on", "el", "gra", "fu", "mo", "ze", "tek", "lum", "ori", "pax", "dri",
    ];

    private static readonly string[] Sites =
    [
        "www.theverge.com", "arstechnica.com", "www.wired.com", "techcrunch.com", "www.bbc.co.uk", "lwn.net",
        "www.theregister.com", "www.zdnet.com", "blog.example.org", "news.example.net", "www.engadget.com",
        "www.nytimes.com", "www.reuters.com", "github.blog", "devblogs.microsoft.com", "www.phoronix.com",
    ];

    private readonly Random _random;
    private readonly string[] _names;

    public Headlines(int seed, int nameCount = 20_000)
    {
        _random = new Random(seed);
        _names = new string[nameCount];
        var builder = new StringBuilder();
        for (var i = 0; i < nameCount; i++)
        {
            builder.Clear();
            var parts = 2 + _random.Next(2);
            for (var p = 0; p < parts; p++)
            {
                builder.Append(Syllables[_random.Next(Syllables.Length)]);
            }

            builder[0] = char.ToUpperInvariant(builder[0]);
            _names[i] = builder.ToString();
        }
    }

    /// <summary>A headline of 6 to 10 words: one or two names, a verb, frequent words, sometimes a version number.</summary>
    public string NextTitle()
    {
        var words = new List<string>(10) { Skewed(_names), Verbs[_random.Next(Verbs.Length)] };
        var common = 3 + _random.Next(4);
        for (var i = 0; i < common; i++)
        {
            words.Add(Skewed(Common));
        }

        if (_random.Next(3) == 0)
        {
            words.Insert(words.Count - 1, Skewed(_names));
        }

        if (_random.Next(4) == 0)
        {
            words.Add(string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 30)}.{_random.Next(0, 10)}"));
        }

        words[2] = char.ToUpperInvariant(words[2][0]) + words[2][1..];
        return string.Join(' ', words);
    }

    /// <summary>A dated article link whose slug is the title, unique through <paramref name="id"/>.</summary>
    public string UrlFor(string title, long id, DateTimeOffset published)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var site = Sites[_random.Next(Sites.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"https://{site}/{published:yyyy}/{published:MM}/{slug}-{id}");
    }

    /// <summary>The same story as another outlet words it: one word dropped or swapped, one added.</summary>
    public string Reword(string title)
    {
        var words = title.Split(' ').ToList();
        var at = 2 + _random.Next(words.Count - 2);
        if (_random.Next(2) == 0)
        {
            words.RemoveAt(at);
        }
        else
        {
            words[at] = Skewed(Common);
        }

        words.Add(_random.Next(2) == 0 ? "report" : "today");
        return string.Join(' ', words);
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    // Squaring a uniform draw favours the head of the list the way real word frequencies do.
    private string Skewed(string[] words)
    {
        var u = _random.NextDouble();
        return words[(int)(u * u * words.Length)];
    }
}

using System.Globalization;
using BotHost.Core.Digests;

namespace BotHost.Core.Tests.Digests;

/// <summary>Digests that push the renderer: long titles full of Markdown, mentions and non-Latin text.</summary>
public static class DigestSamples
{
    private static readonly string[] Nasty =
    [
        "@everyone **bold** __under__ ~~strike~~ `code` [link](https://evil.example) <@123> <#456> # heading > quote | pipes \\ backslash",
        "Новая версия PostgreSQL: асинхронный ввод-вывод и что это значит для вас 🐘",
        "深度解析：分布式事务中的发件箱模式与幂等性设计 🚀📦",
        "العربية: نمط صندوق الصادر في الأنظمة الموزعة",
        "- starts like a list item * and * has _many_ __markers__ @here",
        "👨‍👩‍👧‍👦 family emoji and combining é marks ́́́ next to zalgo t̷̢e̵x̴t̶",
    ];

    /// <summary>25 stories whose titles are 300 characters long or a little more (whole phrases, never a cut pair).</summary>
    public static Digest TwentyFiveNastyStories()
    {
        var entries = Enumerable.Range(1, 25).Select(i =>
        {
            var title = Nasty[i % Nasty.Length];
            while (title.Length < 300)
            {
                title += " " + Nasty[(i + title.Length) % Nasty.Length];
            }

            var url = string.Create(CultureInfo.InvariantCulture, $"https://example.org/{i}/a_b*c(d)[e]?q=1&x=%F0%9F%9A%80#frag-{i}");
            return new DigestEntry(
                i, i, title, url, Nasty[(i + 1) % Nasty.Length] + " " + new string('x', 400), "Source @everyone " + i, ["Hacker News", "Lobsters", "dev.to"],
                ["backend", "ai"], i % 5 == 0 ? new DigestPick("ada @everyone", "must read **now**") : null,
                new ScoreParts(1, 1, 0, 0, 0, false));
        }).ToList();
        return new Digest(42, "backend @everyone **news**", "2026-11-25", new DateOnly(2026, 11, 25), entries);
    }
}

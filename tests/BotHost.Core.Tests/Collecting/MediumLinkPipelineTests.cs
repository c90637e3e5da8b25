using BotHost.Core.Tests.TestSupport;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

/// <summary>Medium tags every feed link with "?source=rss----&lt;publication&gt;---4"; the tag must not split a story.</summary>
public sealed class MediumLinkPipelineTests
{
    [Fact]
    public async Task Collect_NetflixTechBlogPostOnMediumAndTheSamePostOnHackerNews_IsOneStoryByItsLink()
    {
        await using var host = await CoreTestHost.StartAsync();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "Collecting", "netflix-techblog-medium.xml"), Path.Combine(host.Directory, "netflix.xml"));
        host.WriteFeed("hn.xml", Rss("Hacker News", new Entry(
            "hn-1",
            "Netflix splits its encoding monolith into services",
            "https://netflixtechblog.com/rebuilding-netflix-video-processing-pipeline-with-microservices-4e5e6310e359",
            Comments: "https://news.ycombinator.com/item?id=46100007")));
        host.WriteSources(("Netflix TechBlog", "netflix.xml"), ("Hacker News", "hn.xml"));

        await host.CollectAllAsync();

        Assert.Equal(2, await host.CountAsync("stories"));
        Assert.Equal(
            ["https://netflixtechblog.com/rebuilding-netflix-video-processing-pipeline-with-microservices-4e5e6310e359|2"],
            await host.QueryStringsAsync("SELECT canonical_url || '|' || mention_count FROM stories WHERE mention_count > 1"));
        Assert.Empty(await host.QueryStringsAsync("SELECT canonical_url FROM items WHERE canonical_url LIKE '%source=%'"));
    }
}

using BotHost.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class RouteBucketsTests
{
    private readonly RouteBuckets _buckets = new(new FakeTimeProvider(), NullLogger.Instance);

    [Fact]
    public void Get_AfterHashLearned_ReturnsTheBucketThatLearnedIt()
    {
        var route = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1");
        var first = _buckets.Get(route);

        _buckets.Learn(route, "hash-a", first);

        Assert.Same(first, _buckets.Get(route));
    }

    [Fact]
    public void Get_ForAnotherChannelOfALearnedRoute_ReturnsASeparateBucketUnderTheHash()
    {
        var one = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1");
        var two = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "2");
        _buckets.Learn(one, "hash-a", _buckets.Get(one));

        var bucketTwo = _buckets.Get(two);

        Assert.NotSame(_buckets.Get(one), bucketTwo);
        Assert.Equal(new RouteBucketKey("hash-a", "2"), bucketTwo.Key);
    }

    [Fact]
    public void Get_ForRoutesSharingAHash_ReturnsTheSameBucketPerChannel()
    {
        var edit = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "1", "5");
        var delete = DiscordRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", "1", "6");
        var editBucket = _buckets.Get(edit);
        _buckets.Learn(edit, "shared", editBucket);
        _buckets.Learn(delete, "shared", _buckets.Get(delete));

        var deleteBucket = _buckets.Get(delete);

        Assert.Same(editBucket, deleteBucket);
    }

    [Fact]
    public void Learn_WhenAnotherRouteAlreadyHoldsTheHash_ReturnsThatBucketForTheHeaders()
    {
        var edit = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "1", "5");
        var delete = DiscordRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", "1", "6");
        var editBucket = _buckets.Get(edit);
        _buckets.Learn(edit, "shared", editBucket);
        var deleteFirstBucket = _buckets.Get(delete);

        var holder = _buckets.Learn(delete, "shared", deleteFirstBucket);

        Assert.NotSame(editBucket, deleteFirstBucket);
        Assert.Same(editBucket, holder);
    }
}

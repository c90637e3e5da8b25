using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Stories;

/// <summary>
/// Gives a link a member shared a story row when no feed brought it: keyed by its URL, and found by its title
/// (<see cref="TitleBandIndex"/> reads new stories' titles), so a feed item for the same page later joins it. It is stored as backlog with no mentions, so it reaches only the channels
/// that picked it, never every digest, search or /latest.
/// </summary>
public sealed class SharedStoryRecorder(SqliteConnectionFactory connections, StoryStore stories)
{
    public async Task<(long StoryId, bool Created)> FindOrCreateAsync(
        string canonicalUrl, string title, string summaryText, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = StoryQueries.UrlKey(canonicalUrl);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = tx;
            find.CommandText = "SELECT story_id FROM story_keys WHERE key = $key";
            find.Parameters.AddWithValue("$key", key);
            if (await find.ExecuteScalarAsync(cancellationToken) is long existing)
            {
                return (existing, false);
            }
        }

        var fingerprint = TitleFingerprinter.Compute(title);
        await using var sql = new TransactionCommands(tx);
        var storyId = await stories.CreateAsync(sql, new NewStory(
            TitleNormalizer.DisplayTitle(title), summaryText, canonicalUrl, fingerprint.NormalizedHash, null, now, IsBacklog: true), cancellationToken);
        await stories.AddKeysAsync(sql, storyId, [key], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (storyId, true);
    }
}

using BotHost.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Digests;

/// <summary>The only SQL over digest_feedback: a member's vote on a story in a channel, and the channel's net votes per source.</summary>
public sealed class FeedbackStore(Storage.SqliteConnectionFactory connections, TimeProvider time)
{
    /// <summary>Records (or replaces) <paramref name="userId"/>'s vote on a story in a channel; <paramref name="source"/> is the story's first source.</summary>
    public async Task RecordAsync(ChannelKey channel, long storyId, ulong userId, int vote, string source, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(Math.Abs(vote), 1);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO digest_feedback(guild_id, channel_id, story_id, user_id, vote, source, voted_at) VALUES ($guild, $channel, $story, $user, $vote, $source, $now) " +
            "ON CONFLICT(guild_id, channel_id, story_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at";
        command.Parameters.AddWithValue("$guild", unchecked((long)channel.GuildId));
        command.Parameters.AddWithValue("$channel", unchecked((long)channel.ChannelId));
        command.Parameters.AddWithValue("$story", storyId);
        command.Parameters.AddWithValue("$user", unchecked((long)userId));
        command.Parameters.AddWithValue("$vote", vote);
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sum of votes per source in the channel: what the feedback part of a score reads.</summary>
    public async Task<IReadOnlyDictionary<string, int>> NetVotesBySourceAsync(SqliteConnection connection, ChannelKey channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, SUM(vote) FROM digest_feedback WHERE guild_id = $guild AND channel_id = $channel GROUP BY source";
        command.Parameters.AddWithValue("$guild", unchecked((long)channel.GuildId));
        command.Parameters.AddWithValue("$channel", unchecked((long)channel.ChannelId));
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result;
    }
}

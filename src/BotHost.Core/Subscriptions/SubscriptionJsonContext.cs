using System.Text.Json.Serialization;

namespace BotHost.Core.Subscriptions;

/// <summary>List columns of the subscriptions table are JSON arrays of strings.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SubscriptionJsonContext : JsonSerializerContext;

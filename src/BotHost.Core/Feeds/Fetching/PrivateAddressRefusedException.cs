using System.Net;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>A feed host resolved only to addresses that <see cref="PrivateAddressRanges"/> refuses.</summary>
internal sealed class PrivateAddressRefusedException(string host, IPAddress address)
    : Exception($"{host} resolves to non-public address {address}")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}

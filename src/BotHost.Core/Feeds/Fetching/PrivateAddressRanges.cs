using System.Net;
using System.Net.Sockets;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>
/// Addresses a feed URL must not reach unless Feeds:AllowPrivateAddresses is set: anything that is not a
/// public unicast address (ranges from RFC 1918, 6598, 3927, 4193, 4291, 5735).
/// </summary>
internal static class PrivateAddressRanges
{
    public static bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsNonPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsNonPublicV6(address),
            _ => true,
        };
    }

    private static bool IsNonPublicV4(byte[] b) =>
        b[0] == 0                                   // 0.0.0.0/8 "this network", includes unspecified
        || b[0] == 10                               // 10/8
        || b[0] == 127                              // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // 100.64/10 carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)             // link-local, cloud metadata endpoints live here
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // 172.16/12
        || (b[0] == 192 && b[1] == 168)             // 192.168/16
        || b[0] >= 224;                             // multicast 224/4, reserved 240/4, broadcast

    private static bool IsNonPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return (b[0] & 0xFE) == 0xFC                // fc00::/7 unique local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) // fe80::/10 link-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) // fec0::/10 deprecated site-local
            || b[0] == 0xFF;                        // ff00::/8 multicast
    }
}

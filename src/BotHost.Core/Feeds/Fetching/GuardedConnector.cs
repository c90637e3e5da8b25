using System.Net;
using System.Net.Sockets;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>
/// The SocketsHttpHandler connect step: resolves the host itself, drops non-public addresses and connects to a
/// vetted address, so a name that re-resolves to a private address between check and connect (DNS rebinding)
/// cannot slip through.
/// </summary>
internal sealed class GuardedConnector(bool allowPrivateAddresses)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);

        var allowed = allowPrivateAddresses
            ? addresses
            : Array.FindAll(addresses, a => !PrivateAddressRanges.Contains(a));
        if (allowed.Length == 0)
        {
            if (addresses.Length == 0)
            {
                throw new SocketException((int)SocketError.HostNotFound);
            }

            throw new PrivateAddressRefusedException(endPoint.Host, addresses[0]);
        }

        Exception? lastError = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError!;
    }
}

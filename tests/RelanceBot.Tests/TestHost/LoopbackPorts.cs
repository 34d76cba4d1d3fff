using System.Net;
using System.Net.Sockets;

namespace RelanceBot.Tests.TestHost;

/// <summary>Ports on 127.0.0.1 for servers a test starts itself: the system picks one nobody listens on.</summary>
internal static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

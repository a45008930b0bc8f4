using System.Net;
using Microsoft.AspNetCore.Http;

namespace OrleansFlow.Client.Api.Hosting;

/// <summary>Tells listen URLs that only this machine can reach (loopback) from the others (pure).</summary>
public static class ApiListenUrls
{
    /// <summary>Where the API listens when <c>Urls</c> is not set.</summary>
    public const string Default = "http://127.0.0.1:8081";

    /// <summary>The URLs of a <c>;</c>-separated <c>Urls</c> value, without empty entries.</summary>
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Whether <paramref name="url"/> can only be reached from this machine: host <c>localhost</c>, a loopback IP
    /// (<c>127.0.0.0/8</c>, <c>[::1]</c>), a Unix socket or a named pipe. Any other host is reachable from the network:
    /// <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>, another IP, or a host name (Kestrel binds a host name other than
    /// <c>localhost</c> to every interface). A URL that does not parse counts as reachable.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }
        if (address.IsUnixPipe || address.IsNamedPipe) return true;
        var host = address.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}

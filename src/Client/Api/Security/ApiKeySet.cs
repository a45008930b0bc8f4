using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Security;

/// <summary>
/// The configured API keys, held as SHA-256 hashes. A presented key is hashed and compared with every configured hash
/// by <see cref="CryptographicOperations.FixedTimeEquals"/>, without stopping at a match: the time taken depends neither
/// on how much of a key matches nor on its length (all hashes are 32 bytes), nor on which key matched.
/// </summary>
internal sealed class ApiKeySet
{
    private readonly byte[][] _hashes;

    public ApiKeySet(IOptions<ApiOptions> options) => _hashes = options.Value.Keys.Select(Hash).ToArray();

    /// <summary>Whether no key is configured (the API is open, and listens on loopback only).</summary>
    public bool IsEmpty => _hashes.Length == 0;

    /// <summary>Whether <paramref name="key"/> is one of the configured keys.</summary>
    public bool Contains(string key)
    {
        var presented = Hash(key);
        var match = false;
        foreach (var hash in _hashes) match |= CryptographicOperations.FixedTimeEquals(presented, hash);
        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

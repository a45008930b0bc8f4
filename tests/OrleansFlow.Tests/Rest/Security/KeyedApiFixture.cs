using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;

namespace OrleansFlow.Tests.Rest.Security;

/// <summary>
/// A silo whose API needs a key (two keys are set), with a body limit of <see cref="BodyLimit"/>, secrets in its
/// configuration that it does not use (an Azure storage connection string with an account key, a Redis password), and
/// every log entry captured at Trace level; plus a standalone client of it with the same keys and anonymous reads.
/// </summary>
public sealed class KeyedApiFixture : IAsyncLifetime
{
    /// <summary>The silo's <c>OrleansFlow:Api:MaxRequestBodyBytes</c>.</summary>
    public const long BodyLimit = 65536;

    private TestSiloHost? _silo;
    private StandaloneRestClient? _anonymousReads;

    /// <summary>The first API key.</summary>
    public string Key { get; } = "key-one-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The second API key.</summary>
    public string SecondKey { get; } = "key-two-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A key that is not configured, as long as <see cref="Key"/>.</summary>
    public string WrongKey { get; } = "key-bad-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The account key inside <see cref="ConnectionString"/>.</summary>
    public string AccountKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    /// <summary>An Azure storage connection string set as <c>OrleansFlow:Storage:ConnectionString</c> (the silo uses local storage).</summary>
    public string ConnectionString => $"DefaultEndpointsProtocol=https;AccountName=leakcheck;AccountKey={AccountKey};EndpointSuffix=core.windows.net";

    /// <summary>A password inside <c>Orleans:Redis</c> (the silo uses localhost clustering).</summary>
    public string RedisPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Every secret of the silo's configuration, and the wrong key the tests send.</summary>
    public IReadOnlyList<string> Secrets => [Key, SecondKey, WrongKey, AccountKey, ConnectionString, RedisPassword];

    /// <summary>The silo's captured log entries.</summary>
    internal CapturingLoggerProvider SiloLogs { get; } = new();

    internal TestSiloHost Silo => _silo ?? throw new InvalidOperationException("Not started.");

    /// <summary>A standalone client of <see cref="Silo"/> with the same keys and <c>OrleansFlow:Api:AnonymousReads=true</c>.</summary>
    internal StandaloneRestClient AnonymousReads => _anonymousReads ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _silo = await TestSiloHost.StartAsync(
            [
                $"--OrleansFlow:Api:Keys:0={Key}",
                $"--OrleansFlow:Api:Keys:1={SecondKey}",
                $"--OrleansFlow:Api:MaxRequestBodyBytes={BodyLimit}",
                $"--OrleansFlow:Storage:ConnectionString={ConnectionString}",
                $"--Orleans:Redis=leakcheck.redis.example:6380,password={RedisPassword},ssl=True",
                CapturingLoggerProvider.CaptureEverything,
            ],
            silo => silo.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(SiloLogs));
        _anonymousReads = await StandaloneRestClient.StartAsync(_silo.GatewayPort, _silo.ClusterId,
            [$"--OrleansFlow:Api:Keys:0={Key}", "--OrleansFlow:Api:AnonymousReads=true"]);
    }

    public async Task DisposeAsync()
    {
        if (_anonymousReads is not null) await _anonymousReads.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
    }
}

/// <summary>The tests of the keyed silo share it and run one after another.</summary>
[CollectionDefinition("keyed-api")]
public sealed class KeyedApiCollection : ICollectionFixture<KeyedApiFixture>;

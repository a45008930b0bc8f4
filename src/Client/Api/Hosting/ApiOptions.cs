namespace OrleansFlow.Client.Api.Hosting;

/// <summary>
/// Settings of the REST API (section <c>OrleansFlow:Api</c>), the same for the silo's co-hosted API and the standalone
/// client: API keys, anonymous reads, the request body limit and the deadline of a request.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OrleansFlow:Api";

    /// <summary>The shortest API key accepted, in characters.</summary>
    public const int MinKeyLength = 16;

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1 << 20;

    /// <summary>
    /// The API keys (<c>OrleansFlow:Api:Keys:0</c>, <c>…:1</c>, …), sent as <c>Authorization: Bearer KEY</c>. When at
    /// least one is set, every route needs one except <c>GET /healthz</c> and <c>GET /healthz/ready</c>. Empty by
    /// default: then the API must listen on loopback only.
    /// </summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Whether GET requests without an <c>Authorization</c> header are allowed when keys are set. Default false.</summary>
    public bool AnonymousReads { get; set; }

    /// <summary>The largest request body accepted, in bytes; a larger one is answered 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>
    /// How long a request waits for the cluster before it is answered 503 with <c>Retry-After</c>; also the deadline
    /// of the readiness checks. Default 10 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

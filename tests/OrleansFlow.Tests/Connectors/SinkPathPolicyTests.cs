using OrleansFlow.Connectors;
using OrleansFlow.Hosting;

namespace OrleansFlow.Tests.Connectors;

/// <summary>The file sink's path decision, on a real temporary folder (with real symbolic links).</summary>
public sealed class SinkPathPolicyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-sinkpaths-" + Guid.NewGuid().ToString("N"));

    public SinkPathPolicyTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "allowed"));
        Directory.CreateDirectory(Path.Combine(_root, "outside"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string In(params string[] parts) => Path.Combine([_root, .. parts]);

    private SinkPathPolicy Policy(StringComparison comparison = StringComparison.Ordinal) =>
        new([In("allowed")], In("allowed", "output"), comparison);

    private string Refused(string output, SinkPathPolicy? policy = null)
    {
        var error = Assert.Throws<ArgumentException>(() => (policy ?? Policy()).Resolve(output));
        Assert.Contains("OrleansFlow:Sinks:AllowedDirectories", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    [Fact]
    public void Resolve_WhenInsideAnAllowedDirectory_ReturnsIt()
    {
        Assert.Equal(In("allowed", "a", "b"), Policy().Resolve(In("allowed", "a", "b")));
        Assert.Equal(In("allowed"), Policy().Resolve(In("allowed") + "/"));
        Assert.False(Directory.Exists(In("allowed", "a")), "resolving created a folder");
    }

    [Fact]
    public void Resolve_WhenRelative_GoesUnderTheOutputRoot() =>
        Assert.Equal(In("allowed", "output", "run-1", "x"), Policy().Resolve("run-1/x"));

    [Fact]
    public void Resolve_WhenRelativeEscapesThroughParentSegments_Refuses()
    {
        var message = Refused("../../outside/x");

        Assert.Contains("through '..'", message, StringComparison.Ordinal);
        Assert.Contains($"'{In("outside", "x")}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WhenAbsoluteEscapesThroughParentSegments_Refuses() =>
        Assert.Contains("through '..'", Refused(In("allowed") + "/../outside"), StringComparison.Ordinal);

    [Fact]
    public void Resolve_WhenParentSegmentsStayInside_ReturnsTheNormalisedPath() =>
        Assert.Equal(In("allowed", "b"), Policy().Resolve(In("allowed") + "/a/../b/."));

    [Fact]
    public void Resolve_WhenOutsideEveryAllowedDirectory_RefusesListingThem()
    {
        var message = Refused(In("outside", "x"));

        Assert.Contains($"OrleansFlow:Sinks:AllowedDirectories: {In("allowed")})", message, StringComparison.Ordinal);
        Assert.Contains($"a relative output goes under {In("allowed", "output")}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WhenOnlyANamePrefixMatches_Refuses()
    {
        var policy = new SinkPathPolicy([In("out")], In("out"), StringComparison.Ordinal);

        Refused(In("outside", "x"), policy);
        Refused(In("out-2"), policy);
        Assert.Equal(In("out"), policy.Resolve(In("out")));
        Assert.Equal(In("out", "side"), policy.Resolve(In("out", "side")));
    }

    [Fact]
    public void Resolve_WhenCaseDiffers_DependsOnTheComparison()
    {
        Refused(In("ALLOWED", "x"));
        Assert.Equal(In("ALLOWED", "x"), Policy(StringComparison.OrdinalIgnoreCase).Resolve(In("ALLOWED", "x")));
    }

    [Fact]
    public void Resolve_WhenASymbolicLinkLeadsOutside_RefusesAndCreatesNothing()
    {
        Directory.CreateSymbolicLink(In("allowed", "link"), In("outside"));

        var message = Refused(In("allowed", "link", "x"));

        Assert.Contains("through a symbolic link", message, StringComparison.Ordinal);
        Assert.Contains($"'{In("outside", "x")}'", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("outside", "x")));
    }

    [Fact]
    public void Resolve_WhenARelativeSymbolicLinkLeadsOutside_Refuses()
    {
        Directory.CreateSymbolicLink(In("allowed", "up"), "../outside");

        Refused(In("allowed", "up"));
        Refused("../up/x"); // relative output: {allowed}/output/../up/x
    }

    [Fact]
    public void Resolve_WhenParentSegmentFollowsALink_GoesUpFromTheTarget()
    {
        Directory.CreateDirectory(In("outside", "sub"));
        Directory.CreateSymbolicLink(In("allowed", "deep"), In("outside", "sub"));

        // Spelled, allowed/deep/../x is allowed/x; really it is outside/x, as the OS would open it.
        Assert.Contains("through '..' and symbolic links", Refused(In("allowed") + "/deep/../x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WhenASymbolicLinkStaysInside_ReturnsTheRealPath()
    {
        Directory.CreateDirectory(In("allowed", "real"));
        Directory.CreateSymbolicLink(In("allowed", "alias"), In("allowed", "real"));

        Assert.Equal(In("allowed", "real", "x"), Policy().Resolve(In("allowed", "alias", "x")));
    }

    [Fact]
    public void Resolve_WhenTheAllowedDirectoryIsALink_AcceptsItsTarget()
    {
        Directory.CreateSymbolicLink(In("allowed-alias"), In("allowed"));
        var policy = new SinkPathPolicy([In("allowed-alias")], In("allowed-alias"), StringComparison.Ordinal);

        Assert.Equal(In("allowed", "x"), policy.Resolve(In("allowed", "x")));
        Assert.Equal(In("allowed", "y"), policy.Resolve(In("allowed-alias", "y")));
        Refused(In("outside"), policy);
    }

    [Fact]
    public void Resolve_WhenLinksLoop_RefusesAsUnresolvable()
    {
        File.CreateSymbolicLink(In("allowed", "loop"), In("allowed", "loop"));

        Assert.Contains("cannot be resolved", Refused(In("allowed", "loop", "x")), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultAllowedDirectories_AreTheDataOutputFolderAndTheTempFolder() =>
        Assert.Equal([Path.Combine(Path.GetFullPath("data"), "output"), Path.GetTempPath()], SinkPathPolicy.DefaultAllowedDirectories("data"));

    [Fact]
    public void From_WhenNothingConfigured_AllowsTheDefaultsAndPutsRelativeOutputsUnderDataOutput()
    {
        var policy = SinkPathPolicy.From(new SinkOptions(), new OrleansFlowOptions { DataDirectory = In("data") });

        Assert.Equal([In("data", "output"), Path.GetFullPath(Path.GetTempPath())], policy.AllowedDirectories);
        Assert.Equal(In("data", "output", "r"), policy.Resolve("r"));
        Assert.Equal(Path.Combine(Path.GetTempPath(), "x"), policy.Resolve(Path.Combine(Path.GetTempPath(), "x")));
    }

    [Fact]
    public void From_WhenConfigured_ReplacesTheDefaults()
    {
        var policy = SinkPathPolicy.From(new SinkOptions { AllowedDirectories = [In("allowed")] }, new OrleansFlowOptions { DataDirectory = In("data") });

        Assert.Equal([In("allowed")], policy.AllowedDirectories);
        Refused(Path.Combine(Path.GetTempPath(), "x"), policy);
        Refused("r", policy); // data/output is no longer allowed
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a\0b")]
    public void Validate_WhenAnEntryIsBlankOrNotAPath_FailsNamingTheSetting(string entry)
    {
        var result = new SinkOptionsValidator().Validate(null, new SinkOptions { AllowedDirectories = ["/tmp", entry] });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:Sinks:AllowedDirectories:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new SinkOptionsValidator().Validate(null, new SinkOptions { AllowedDirectories = ["/tmp", "data/out"] }).Succeeded);
    }
}

using Microsoft.Extensions.Options;
using OrleansFlow.Client;
using OrleansFlow.Silo;

namespace OrleansFlow.Tests.Rest.Security;

/// <summary>
/// Without an API key the API may only listen on loopback: the silo host and the standalone client refuse to be built
/// otherwise, and say how to set a key. Nothing is started (the hosts are only built).
/// </summary>
public sealed class ApiExposureTests
{
    private const string ValidKey = "a-valid-key-0123456789";

    public static TheoryData<string> ExposedUrls => new()
    {
        "http://0.0.0.0:18999",
        "http://*:18999",
        "http://+:18999",
        "http://[::]:18999",
        "http://10.1.2.3:18999",
        "http://orleansflow.example:18999",
        "http://127.0.0.1:18998;http://0.0.0.0:18999",
    };

    [Theory]
    [MemberData(nameof(ExposedUrls))]
    public void SiloBuild_WhenListeningBeyondLoopbackWithoutKey_RefusesSayingHowToSetOne(string urls)
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => OrleansFlowSiloHost.Build([$"--Urls={urls}"]));

        Assert.Contains("--OrleansFlow:Api:Keys:0=", refusal.Message);
        Assert.Contains(urls.Split(';')[^1], refusal.Message);
    }

    [Theory]
    [MemberData(nameof(ExposedUrls))]
    public void ClientBuild_WhenListeningBeyondLoopbackWithoutKey_RefusesSayingHowToSetOne(string urls)
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => OrleansFlowClientHost.Build([$"--Urls={urls}"]));

        Assert.Contains("--OrleansFlow:Api:Keys:0=", refusal.Message);
    }

    [Fact]
    public void SiloBuild_WhenAKestrelEndpointIsBeyondLoopbackWithoutKey_Refuses()
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => OrleansFlowSiloHost.Build(
            ["--Urls=http://127.0.0.1:18998", "--Kestrel:Endpoints:Public:Url=http://0.0.0.0:18999"]));

        Assert.Contains("http://0.0.0.0:18999", refusal.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:18999")]
    [InlineData("http://localhost:18999")]
    [InlineData("http://[::1]:18999")]
    [InlineData("http://127.0.0.1:18998;http://localhost:18999")]
    public async Task Build_WhenListeningOnLoopbackWithoutKey_Builds(string urls)
    {
        await OrleansFlowSiloHost.Build([$"--Urls={urls}"]).DisposeAsync();
        await OrleansFlowClientHost.Build([$"--Urls={urls}"]).DisposeAsync();
    }

    [Fact]
    public async Task Build_WhenListeningBeyondLoopbackWithAKey_Builds()
    {
        await OrleansFlowSiloHost.Build(["--Urls=http://0.0.0.0:18999", $"--OrleansFlow:Api:Keys:0={ValidKey}"]).DisposeAsync();
        await OrleansFlowClientHost.Build(["--Urls=http://0.0.0.0:18999", $"--OrleansFlow:Api:Keys:0={ValidKey}"]).DisposeAsync();
    }

    [Theory]
    [InlineData("short-secret-1")]
    [InlineData("a long secret with spaces")]
    [InlineData("   ")]
    public void Build_WhenAKeyIsInvalid_RefusesNamingItWithoutEchoingAnyKey(string invalidKey)
    {
        string[] args = ["--Urls=http://0.0.0.0:18999", $"--OrleansFlow:Api:Keys:0={ValidKey}", $"--OrleansFlow:Api:Keys:1={invalidKey}"];

        var silo = Assert.Throws<OptionsValidationException>(() => OrleansFlowSiloHost.Build(args));
        var client = Assert.Throws<OptionsValidationException>(() => OrleansFlowClientHost.Build(args));

        foreach (var refusal in new[] { silo, client })
        {
            Assert.Contains("OrleansFlow:Api:Keys:1", refusal.Message);
            Assert.DoesNotContain(ValidKey, refusal.ToString());
            if (!string.IsNullOrWhiteSpace(invalidKey))
            {
                Assert.DoesNotContain(invalidKey, refusal.ToString());
                foreach (var word in invalidKey.Split(' ').Where(w => w.Length > 2)) Assert.DoesNotContain(word, refusal.Message);
            }
        }
    }

    [Fact]
    public void Build_WhenAnotherSettingIsInvalid_RefusesWithoutEchoingTheKey()
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => OrleansFlowSiloHost.Build(
            [$"--OrleansFlow:Api:Keys:0={ValidKey}", "--OrleansFlow:Api:MaxRequestBodyBytes=0"]));

        Assert.Contains("OrleansFlow:Api:MaxRequestBodyBytes", refusal.Message);
        Assert.DoesNotContain(ValidKey, refusal.ToString());
    }
}

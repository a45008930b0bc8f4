using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Tests.Rest.Security;

/// <summary>The API settings that are refused, each naming its setting (pure).</summary>
public sealed class ApiOptionsValidatorTests
{
    private static readonly ApiOptionsValidator OnLoopback = new(["http://127.0.0.1:8081"]);

    [Fact]
    public void Validate_WhenDefaults_Succeeds()
    {
        var result = OnLoopback.Validate(null, new ApiOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_WhenMaxRequestBodyBytesIsNotPositive_FailsNamingTheSetting(long bytes)
    {
        var result = OnLoopback.Validate(null, new ApiOptions { MaxRequestBodyBytes = bytes });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:Api:MaxRequestBodyBytes", result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("02:00:00")]
    public void Validate_WhenRequestTimeoutIsOutOfRange_FailsNamingTheSetting(string timeout)
    {
        var result = OnLoopback.Validate(null, new ApiOptions { RequestTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:Api:RequestTimeout", result.FailureMessage);
    }

    [Fact]
    public void Validate_WhenAKeyIsLongEnough_Succeeds()
    {
        var result = new ApiOptionsValidator(["http://0.0.0.0:8081"]).Validate(null, new ApiOptions { Keys = [new string('k', ApiOptions.MinKeyLength)] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8081", true)]
    [InlineData("http://127.10.0.1:8081", true)]
    [InlineData("https://localhost:8443", true)]
    [InlineData("http://LOCALHOST:8081", true)]
    [InlineData("http://[::1]:8081", true)]
    [InlineData("http://unix:/tmp/orleansflow.sock", true)]
    [InlineData("http://0.0.0.0:8081", false)]
    [InlineData("http://*:8081", false)]
    [InlineData("http://+:8081", false)]
    [InlineData("http://[::]:8081", false)]
    [InlineData("http://192.168.1.10:8081", false)]
    [InlineData("http://localhost.example:8081", false)]
    [InlineData("not a url", false)]
    public void IsLoopback_WhenGivenAUrl_TellsWhetherOnlyThisMachineReachesIt(string url, bool loopback)
    {
        Assert.Equal(loopback, ApiListenUrls.IsLoopback(url));
    }
}

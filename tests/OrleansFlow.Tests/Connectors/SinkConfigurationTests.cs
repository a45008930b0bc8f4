using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansFlow.Connectors;
using OrleansFlow.Silo;

namespace OrleansFlow.Tests.Connectors;

/// <summary>The silo host binds <c>OrleansFlow:Sinks</c> (the host is built, not started).</summary>
public sealed class SinkConfigurationTests
{
    private static async Task<SinkPathPolicy> PolicyOfHostAsync(params string[] args)
    {
        var app = OrleansFlowSiloHost.Build(args);
        try
        {
            return app.Services.GetRequiredService<SinkPathPolicy>();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Build_WhenAllowedDirectoriesAreOnTheCommandLine_TheyReplaceTheDefaults()
    {
        var policy = await PolicyOfHostAsync("--OrleansFlow:DataDirectory=/srv/flow", "--OrleansFlow:Sinks:AllowedDirectories:0=/srv/results", "--OrleansFlow:Sinks:AllowedDirectories:1=/mnt/out");

        Assert.Equal(["/srv/results", "/mnt/out"], policy.AllowedDirectories);
        Assert.Equal("/srv/flow/output", policy.RelativeRoot);
    }

    [Fact]
    public async Task Build_WhenNothingIsConfigured_AllowsTheDataOutputFolderAndTheTempFolder()
    {
        var policy = await PolicyOfHostAsync("--OrleansFlow:DataDirectory=/srv/flow");

        Assert.Equal(["/srv/flow/output", Path.GetTempPath()], policy.AllowedDirectories);
    }

    [Fact]
    public async Task Build_WhenAnAllowedDirectoryIsBlank_FailsValidationNamingTheSetting()
    {
        var app = OrleansFlowSiloHost.Build(["--OrleansFlow:Sinks:AllowedDirectories:0= "]);
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<SinkPathPolicy>());
            Assert.Contains("OrleansFlow:Sinks:AllowedDirectories:0 must not be empty", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

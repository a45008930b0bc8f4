using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansFlow.Silo;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>The silo picks its checkpoint storage from configuration, and refuses a bad one with a clear message.</summary>
public sealed class StorageConfigurationTests
{
    [Fact]
    public async Task Build_WhenNoStorageConfigured_UsesTheLocalFolderUnderTheDataDirectory()
    {
        var data = Path.Combine(Path.GetTempPath(), "orleansflow-config-" + Guid.NewGuid().ToString("N"));
        await using var app = OrleansFlowSiloHost.Build([$"--OrleansFlow:DataDirectory={data}"]);

        var storage = Assert.IsType<LocalFolderCheckpointStorage>(app.Services.GetRequiredService<ICheckpointStorage>());

        Assert.Equal(Path.GetFullPath(data), storage.RootDirectory);
    }

    [Fact]
    public async Task Build_WhenAzureConfigured_UsesBlobStorageWithThatContainer()
    {
        await using var app = OrleansFlowSiloHost.Build(
        [
            "--OrleansFlow:Storage:Provider=azure",
            "--OrleansFlow:Storage:ConnectionString=UseDevelopmentStorage=true",
            "--OrleansFlow:Storage:ContainerName=my-jobs",
        ]);

        var storage = Assert.IsType<AzureBlobCheckpointStorage>(app.Services.GetRequiredService<ICheckpointStorage>());

        Assert.Contains("/my-jobs/jobs/j/job.json", storage.DescribeLocation("jobs/j/job.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WhenAzureContainerNameInvalid_FailsValidationNamingTheSetting()
    {
        await using var app = OrleansFlowSiloHost.Build(
        [
            "--OrleansFlow:Storage:Provider=azure",
            "--OrleansFlow:Storage:ConnectionString=UseDevelopmentStorage=true",
            "--OrleansFlow:Storage:ContainerName=Bad_Name",
        ]);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AzureBlobCheckpointStorageOptions>>().Value);
        Assert.Contains("ContainerName 'Bad_Name'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UploadBlockSize", "1000")]
    [InlineData("MaxConcurrentBlockUploads", "0")]
    [InlineData("SingleUploadThreshold", "-1")]
    public async Task Build_WhenAzureUploadSettingOutOfRange_FailsValidationNamingTheSetting(string setting, string value)
    {
        await using var app = OrleansFlowSiloHost.Build(
        [
            "--OrleansFlow:Storage:Provider=azure",
            "--OrleansFlow:Storage:ConnectionString=UseDevelopmentStorage=true",
            $"--OrleansFlow:Storage:{setting}={value}",
        ]);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AzureBlobCheckpointStorageOptions>>().Value);
        Assert.Contains($"OrleansFlow:Storage:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenProviderUnknown_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrleansFlowSiloHost.Build(["--OrleansFlow:Storage:Provider=s3"]));

        Assert.Contains("OrleansFlow:Storage:Provider", error.Message, StringComparison.Ordinal);
    }
}

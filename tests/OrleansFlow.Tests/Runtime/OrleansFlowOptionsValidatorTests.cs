using OrleansFlow.Hosting;

namespace OrleansFlow.Tests.Runtime;

public sealed class OrleansFlowOptionsValidatorTests
{
    [Fact]
    public void Validate_WhenDefaults_Succeeds() =>
        Assert.True(new OrleansFlowOptionsValidator().Validate(null, new OrleansFlowOptions()).Succeeded);

    [Fact]
    public void Validate_WhenMaxAlignmentBufferedRecordsNegative_FailsNamingTheSetting()
    {
        var result = new OrleansFlowOptionsValidator().Validate(null, new OrleansFlowOptions { MaxAlignmentBufferedRecords = -1 });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:MaxAlignmentBufferedRecords", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public void Validate_WhenTaskSlotsOutOfRange_FailsNamingTheSetting(int slots)
    {
        var result = new OrleansFlowOptionsValidator().Validate(null, new OrleansFlowOptions { TaskSlots = slots });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:TaskSlots", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenDeploymentTimeoutIsZero_FailsNamingTheSetting()
    {
        var result = new OrleansFlowOptionsValidator().Validate(null, new OrleansFlowOptions { DeploymentTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:DeploymentTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAutoWatermarkIntervalIsNegative_FailsNamingTheSetting()
    {
        var result = new OrleansFlowOptionsValidator().Validate(null, new OrleansFlowOptions { AutoWatermarkInterval = TimeSpan.FromMilliseconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains("OrleansFlow:AutoWatermarkInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}

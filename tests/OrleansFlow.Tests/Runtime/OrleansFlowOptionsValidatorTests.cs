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
}

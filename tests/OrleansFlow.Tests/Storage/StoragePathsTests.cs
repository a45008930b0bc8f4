using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

public sealed class StoragePathsTests
{
    [Fact]
    public void Paths_WhenBuilt_FollowTheDesignLayout()
    {
        Assert.Equal("jobs/j1/job.json", StoragePaths.JobFile("j1"));
        Assert.Equal("jobs/j1/chk-12", StoragePaths.Checkpoint("j1", 12));
        Assert.Equal("jobs/j1/chk-12/sum-3", StoragePaths.StateFile("j1", 12, "sum", 3));
        Assert.Equal("jobs/j1/chk-12/_metadata", StoragePaths.CheckpointMetadata("j1", 12));
        Assert.Equal("jobs/j1/shared/abc", StoragePaths.Shared("j1", "abc"));
        Assert.Equal("savepoints/sp-1/_metadata", StoragePaths.SavepointMetadata("sp-1"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void StateFile_WhenSegmentInvalid_Throws(string uid) =>
        Assert.Throws<ArgumentException>(() => StoragePaths.StateFile("j1", 1, uid, 0));
}

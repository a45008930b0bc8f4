using OrleansFlow.Savepoints;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>How a path from a request becomes a storage path, against a real temporary storage root (with real links).</summary>
public sealed class UserStoragePathTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "orleansflow-userpaths-" + Guid.NewGuid().ToString("N"));

    public UserStoragePathTests() => Directory.CreateDirectory(Root);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Root => Path.Combine(_temp, "data");

    private string Normalize(string input, bool local = true) =>
        UserStoragePath.Normalize(input, "targetDirectory", local ? Root : null, StringComparison.Ordinal);

    private string Refused(string input, bool local = true)
    {
        var error = Assert.Throws<ArgumentException>(() => Normalize(input, local));
        Assert.StartsWith($"targetDirectory '{input}' is not a storage path: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("A storage path is a path relative to the storage root, such as savepoints/my-sp", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    [Theory]
    [InlineData("savepoints", "savepoints")]
    [InlineData(" savepoints/mine/ ", "savepoints/mine")]
    [InlineData("backups/2026", "backups/2026")]
    public void Normalize_WhenRelative_KeepsIt(string input, string expected)
    {
        Assert.Equal(expected, Normalize(input));
        Assert.Equal(expected, Normalize(input, local: false));
    }

    [Fact]
    public void Normalize_WhenAbsoluteInsideTheRoot_MakesItRelative()
    {
        Assert.Equal("savepoints/sp", Normalize(Path.Combine(Root, "savepoints", "sp")));
        Assert.Equal("savepoints/sp", Normalize(Path.Combine(Root, "savepoints", "sp") + "/"));
        Assert.Equal("", Normalize(Root));
    }

    [Fact]
    public void Normalize_WhenFileUriInsideTheRoot_MakesItRelative() =>
        Assert.Equal("savepoints/sp", Normalize(new Uri(Path.Combine(Root, "savepoints", "sp")).AbsoluteUri));

    [Fact]
    public void Normalize_WhenAbsoluteOutsideTheRoot_RefusesWithoutRebasing()
    {
        var message = Refused("/tmp/sp");

        Assert.Contains("it is outside the storage root", message, StringComparison.Ordinal);
        Assert.Contains($"inside the storage root {Root}.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenFileUriOutsideTheRootOrOnAnotherHost_Refuses()
    {
        Assert.Contains("outside the storage root", Refused("file:///tmp/sp"), StringComparison.Ordinal);
        Assert.Contains("not a file:// URI of this machine", Refused("file://server/share/sp"), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenNameOnlySharesThePrefixOfTheRoot_Refuses() =>
        Refused(Root + "-other/savepoints");

    [Theory]
    [InlineData("../x")]
    [InlineData("savepoints/../../x")]
    [InlineData("savepoints/..")]
    public void Normalize_WhenRelativeHasAParentSegment_Refuses(string input) =>
        Assert.Contains("it has a '..' segment", Refused(input), StringComparison.Ordinal);

    [Fact]
    public void Normalize_WhenAbsoluteHasAParentSegmentEvenInside_Refuses() =>
        Assert.Contains("'..'", Refused(Root + "/savepoints/../savepoints/sp"), StringComparison.Ordinal);

    [Fact]
    public void Normalize_WhenALinkInsideTheRootLeadsOutside_Refuses()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "escape"), Path.Combine(_temp, "elsewhere"));

        Assert.Contains("outside the storage root", Refused(Path.Combine(Root, "escape", "sp")), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenTheRootIsReachedThroughALink_MakesItRelative()
    {
        var alias = Path.Combine(_temp, "alias");
        Directory.CreateSymbolicLink(alias, Root);

        Assert.Equal("savepoints/sp", Normalize(Path.Combine(alias, "savepoints", "sp")));
    }

    [Theory]
    [InlineData("wasbs://container@account/sp")]
    [InlineData("s3://bucket/sp")]
    [InlineData("https://example.com/sp")]
    public void Normalize_WhenAnotherUriScheme_Refuses(string input) =>
        Assert.Contains("it is a URI", Refused(input), StringComparison.Ordinal);

    [Theory]
    [InlineData("savepoints//x")]
    [InlineData(".hidden")]
    [InlineData("a\\b")]
    public void Normalize_WhenRelativeIsNotAStoragePath_RefusesSayingWhy(string input) => Refused(input);

    [Fact]
    public void Normalize_WhenStorageIsNotALocalFolder_RefusesEveryAbsolutePath()
    {
        var error = Assert.Throws<ArgumentException>(() => Normalize(Path.Combine(Root, "savepoints"), local: false));

        Assert.Contains("this silo's storage is not a local folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("absolute file-system paths are not storage paths on Azure Blob storage", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Normalize("file:///data/savepoints", local: false));
    }

    [Fact]
    public void SavepointFoldersNew_WhenTargetIsAbsoluteInsideTheRoot_PutsTheSavepointUnderItsRelativePath()
    {
        Assert.Matches("^mine/sp/savepoint-abcdef-[0-9a-f]{12}$", SavepointFolders.New(Path.Combine(Root, "mine", "sp"), "abcdef0123", Root));
        Assert.Matches("^savepoints/savepoint-abcdef-[0-9a-f]{12}$", SavepointFolders.New(null, "abcdef0123", Root));
        Assert.Contains("is the storage root", Assert.Throws<ArgumentException>(() => SavepointFolders.New(Root, "abcdef", Root)).Message, StringComparison.Ordinal);
        Assert.Contains("inside 'jobs/'", Assert.Throws<ArgumentException>(() => SavepointFolders.New(Root + "/jobs/x", "abcdef", Root)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavepointFoldersNew_WhenTargetIsOutsideTheRoot_RefusesInsteadOfRebasing() =>
        Assert.Contains("targetDirectory '/tmp/sp' is not a storage path", Assert.Throws<ArgumentException>(() => SavepointFolders.New("/tmp/sp", "abcdef", Root)).Message, StringComparison.Ordinal);

    [Fact]
    public void FolderOf_WhenSavepointPathIsAbsoluteOrItsMetadataFile_ReturnsTheRelativeFolder()
    {
        Assert.Equal("savepoints/sp", SavepointCompatibility.FolderOf(Path.Combine(Root, "savepoints", "sp", "_metadata"), Root));
        Assert.Equal("jobs/j/chk-3", SavepointCompatibility.FolderOf("jobs/j/chk-3/", Root));
        var outside = Assert.Throws<ArgumentException>(() => SavepointCompatibility.FolderOf("/tmp/sp", Root));
        Assert.StartsWith("savepointPath '/tmp/sp' is not a storage path", outside.Message, StringComparison.Ordinal);
        Assert.Contains("names the storage root", Assert.Throws<ArgumentException>(() => SavepointCompatibility.FolderOf(Root + "/_metadata", Root)).Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Options;

namespace OrleansFlow.Storage;

/// <summary>Refuses a missing or unusable root directory.</summary>
public sealed class LocalFolderCheckpointStorageOptionsValidator : IValidateOptions<LocalFolderCheckpointStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalFolderCheckpointStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
            return ValidateOptionsResult.Fail("OrleansFlow:Storage:RootDirectory must be set for the local folder storage.");
        if (options.RootDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return ValidateOptionsResult.Fail($"OrleansFlow:Storage:RootDirectory '{options.RootDirectory}' is not a valid path.");
        return ValidateOptionsResult.Success;
    }
}

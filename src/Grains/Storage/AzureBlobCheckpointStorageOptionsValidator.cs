using Microsoft.Extensions.Options;

namespace OrleansFlow.Storage;

/// <summary>Refuses a missing connection string or an invalid container name (Azure's rules: 3–63 lower-case letters, digits, single hyphens).</summary>
public sealed class AzureBlobCheckpointStorageOptionsValidator : IValidateOptions<AzureBlobCheckpointStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureBlobCheckpointStorageOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            errors.Add("OrleansFlow:Storage:ConnectionString must be set for Azure Blob storage.");
        var container = options.ContainerName ?? "";
        if (container.Length is < 3 or > 63
            || !container.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            || container[0] == '-' || container[^1] == '-' || container.Contains("--", StringComparison.Ordinal))
            errors.Add($"OrleansFlow:Storage:ContainerName '{container}' is not a valid blob container name (3-63 lower-case letters, digits and single hyphens).");
        if (options.MaxRetries is < 0 or > 20) errors.Add($"OrleansFlow:Storage:MaxRetries must be in [0, 20], got {options.MaxRetries}.");
        if (options.RetryDelay < TimeSpan.Zero) errors.Add("OrleansFlow:Storage:RetryDelay must not be negative.");
        if (options.UploadBlockSize is < 64 << 10 or > 1 << 30)
            errors.Add($"OrleansFlow:Storage:UploadBlockSize must be in [64 KiB, 1 GiB], got {options.UploadBlockSize} bytes.");
        if (options.SingleUploadThreshold is < 0 or > 1L << 30)
            errors.Add($"OrleansFlow:Storage:SingleUploadThreshold must be in [0, 1 GiB], got {options.SingleUploadThreshold} bytes.");
        if (options.MaxConcurrentBlockUploads is < 1 or > 64)
            errors.Add($"OrleansFlow:Storage:MaxConcurrentBlockUploads must be in [1, 64], got {options.MaxConcurrentBlockUploads}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

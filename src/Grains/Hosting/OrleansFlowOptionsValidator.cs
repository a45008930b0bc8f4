using Microsoft.Extensions.Options;

namespace OrleansFlow.Hosting;

/// <summary>Refuses settings the runtime cannot work with, with a message naming the setting.</summary>
public sealed class OrleansFlowOptionsValidator : IValidateOptions<OrleansFlowOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OrleansFlowOptions options)
    {
        var errors = new List<string>();
        if (options.BatchSize is < 1 or > 1 << 20) errors.Add($"OrleansFlow:BatchSize must be in [1, 1048576], got {options.BatchSize}.");
        if (options.ChannelWindow is < 1 or > 1024) errors.Add($"OrleansFlow:ChannelWindow must be in [1, 1024], got {options.ChannelWindow}.");
        if (options.BufferTimeout <= TimeSpan.Zero) errors.Add($"OrleansFlow:BufferTimeout must be positive, got {options.BufferTimeout}.");
        if (options.AutoWatermarkInterval <= TimeSpan.Zero) errors.Add($"OrleansFlow:AutoWatermarkInterval must be positive, got {options.AutoWatermarkInterval}.");
        if (options.DeploymentTimeout <= TimeSpan.Zero) errors.Add($"OrleansFlow:DeploymentTimeout must be positive, got {options.DeploymentTimeout}.");
        if (options.SourceSlice <= TimeSpan.Zero) errors.Add($"OrleansFlow:SourceSlice must be positive, got {options.SourceSlice}.");
        if (options.MaxAlignmentBufferedRecords < 0) errors.Add($"OrleansFlow:MaxAlignmentBufferedRecords must be 0 (no limit) or positive, got {options.MaxAlignmentBufferedRecords}.");
        if (options.TaskSlots is < 1 or > OrleansFlowOptions.MaxTaskSlots) errors.Add($"OrleansFlow:TaskSlots must be in [1, {OrleansFlowOptions.MaxTaskSlots}], got {options.TaskSlots}.");
        if (options.NetworkMemory is < 1 or > OrleansFlowOptions.MaxNetworkMemory)
            errors.Add($"OrleansFlow:NetworkMemory must be in [1, {OrleansFlowOptions.MaxNetworkMemory}] bytes, got {options.NetworkMemory}.");
        if (string.IsNullOrWhiteSpace(options.DataDirectory)) errors.Add("OrleansFlow:DataDirectory must be set.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

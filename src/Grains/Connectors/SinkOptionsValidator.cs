using Microsoft.Extensions.Options;

namespace OrleansFlow.Connectors;

/// <summary>Refuses allowed sink directories that are blank or not paths, naming the setting.</summary>
public sealed class SinkOptionsValidator : IValidateOptions<SinkOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.AllowedDirectories.Count; i++)
        {
            var directory = options.AllowedDirectories[i];
            if (string.IsNullOrWhiteSpace(directory)) errors.Add($"{SinkPathPolicy.SettingName}:{i} must not be empty.");
            else if (directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0) errors.Add($"{SinkPathPolicy.SettingName}:{i} '{directory}' is not a valid path.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

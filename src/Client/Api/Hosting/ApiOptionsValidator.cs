using Microsoft.Extensions.Options;

namespace OrleansFlow.Client.Api.Hosting;

/// <summary>
/// Refuses API settings the API cannot be run with, naming the setting and never echoing a key: a blank or short key,
/// a key with whitespace, a body limit or deadline that is not positive, and no key at all while the API listens on
/// anything but loopback (<paramref name="listenUrls"/>).
/// </summary>
/// <param name="listenUrls">Every URL the API listens on (<c>Urls</c> and <c>Kestrel:Endpoints:*:Url</c>).</param>
public sealed class ApiOptionsValidator(IReadOnlyList<string> listenUrls) : IValidateOptions<ApiOptions>
{
    /// <summary>The longest <see cref="ApiOptions.RequestTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            // Never put the key, or a part of it, in the message: it ends up in logs and on consoles.
            var key = options.Keys[i];
            var setting = $"{ApiOptions.SectionName}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key))
                errors.Add($"{setting} is empty; set a key of at least {ApiOptions.MinKeyLength} characters or remove the setting.");
            else if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                errors.Add($"{setting} contains whitespace or a control character, which an 'Authorization: Bearer' header cannot carry.");
            else if (key.Length < ApiOptions.MinKeyLength)
                errors.Add($"{setting} is shorter than {ApiOptions.MinKeyLength} characters; use a long random key (e.g. `openssl rand -hex 32`).");
        }
        if (options.MaxRequestBodyBytes <= 0)
            errors.Add($"{ApiOptions.SectionName}:MaxRequestBodyBytes must be positive (bytes; default {ApiOptions.DefaultMaxRequestBodyBytes}), got {options.MaxRequestBodyBytes}.");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > MaxRequestTimeout)
            errors.Add($"{ApiOptions.SectionName}:RequestTimeout must be positive and at most {MaxRequestTimeout} (default 00:00:10), got {options.RequestTimeout}.");
        if (options.Keys.Count == 0 && listenUrls.Where(u => !ApiListenUrls.IsLoopback(u)).ToList() is { Count: > 0 } exposed)
        {
            errors.Add(
                $"The REST API listens on {string.Join(", ", exposed)}, which other machines can reach, and no API key is set: anyone reaching it could "
                + $"submit or cancel jobs and delete savepoints. Set a key of at least {ApiOptions.MinKeyLength} characters, e.g. "
                + $"--{ApiOptions.SectionName}:Keys:0=$(openssl rand -hex 32) on the command line (or the environment variable OrleansFlow__Api__Keys__0), "
                + "and send it as 'Authorization: Bearer <key>'; or listen on loopback only (--Urls=http://127.0.0.1:8081).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

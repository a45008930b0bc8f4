using System.Text.Json;

namespace OrleansFlow.Client.Api;

/// <summary>
/// Reads a JSON request body into its type (pure): a body that is not JSON, or that has properties the type lacks
/// (<see cref="UnknownJsonProperties"/>, all of them named), is refused with a message for people; only then is it
/// deserialized.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>
    /// Parses <paramref name="body"/> with <paramref name="options"/>; on failure <paramref name="error"/> says why,
    /// starting with <paramref name="invalid"/> for malformed JSON (e.g. <c>The request body is not valid</c>).
    /// <paramref name="options"/> must have a <see cref="JsonSerializerOptions.TypeInfoResolver"/> (the known
    /// property names come from it).
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    public static bool TryParse<T>(ReadOnlyMemory<byte> body, JsonSerializerOptions options, string invalid, out T? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        value = default;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (UnknownJsonProperties.Describe(document.RootElement, options.GetTypeInfo(typeof(T))) is { } unknown)
            {
                error = unknown;
                return false;
            }
            value = document.RootElement.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            error = $"{invalid}: {e.Message}";
            return false;
        }
        error = null;
        return true;
    }
}

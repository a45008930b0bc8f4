using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Renders state keys and values as JSON text for the REST API: numbers, strings, objects (fields included, so value
/// tuples show their items), a list state's <c>List&lt;T&gt;</c> as an array, a map state's dictionary as an object when
/// its keys can be property names, else as an array of <c>{"key","value"}</c> entries. Pure.
/// </summary>
internal static class StateValueJson
{
    /// <summary>The options used to write values and to read keys given as JSON.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        MaxDepth = 64,
    };

    /// <summary><paramref name="value"/> of <paramref name="type"/> as compact JSON text.</summary>
    public static string Render(object? value, Type type) => ToNode(value, type)?.ToJsonString(Options) ?? "null";

    private static JsonNode? ToNode(object? value, Type type)
    {
        if (value is null) return null;
        try
        {
            return JsonSerializer.SerializeToNode(value, type, Options);
        }
        catch (NotSupportedException) when (value is IDictionary dictionary)
        {
            return Entries(dictionary, type);
        }
    }

    /// <summary>A dictionary whose keys cannot be JSON property names: an array of <c>{"key","value"}</c>.</summary>
    private static JsonArray Entries(IDictionary dictionary, Type type)
    {
        var arguments = type.IsGenericType && type.GetGenericArguments() is { Length: 2 } pair ? pair : [typeof(object), typeof(object)];
        var entries = new JsonArray();
        foreach (DictionaryEntry entry in dictionary)
        {
            entries.Add(new JsonObject
            {
                ["key"] = ToNode(entry.Key, arguments[0]),
                ["value"] = ToNode(entry.Value, arguments[1]),
            });
        }
        return entries;
    }
}

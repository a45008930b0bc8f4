using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansFlow.Naming;

namespace OrleansFlow.Client.Api;

/// <summary>
/// Finds the properties of a JSON request body that its type does not have (pure), at every level of nested objects,
/// so that a misspelt property (<c>"paralelism"</c>) is refused with its name and a suggestion instead of being
/// ignored. The known names are the serializer's own (<see cref="JsonTypeInfo.Properties"/>, so they follow the naming
/// policy and cannot drift from the type), compared case-insensitively as <see cref="JsonSerializerDefaults.Web"/>
/// does. Dictionaries (e.g. job arguments) are free-form and not looked into. System.Text.Json's
/// <c>JsonUnmappedMemberHandling.Disallow</c> stops at the first and does not suggest, hence this walk.
/// </summary>
public static class UnknownJsonProperties
{
    /// <summary>One sentence per object with unknown properties (each named with its path and a suggestion), or null when there is none.</summary>
    public static string? Describe(JsonElement body, JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var sentences = new List<string>();
        Walk(body, type, "", sentences);
        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }

    private static void Walk(JsonElement element, JsonTypeInfo type, string path, List<string> sentences)
    {
        if (element.ValueKind != JsonValueKind.Object || type.Kind != JsonTypeInfoKind.Object) return;
        var known = type.Properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        var nested = new List<(JsonElement Value, JsonTypeInfo Type, string Path)>();
        foreach (var property in element.EnumerateObject())
        {
            if (!known.TryGetValue(property.Name, out var info))
            {
                unknown.Add(property.Name);
                continue;
            }
            var propertyType = type.Options.GetTypeInfo(info.PropertyType);
            if (propertyType.Kind == JsonTypeInfoKind.Object) nested.Add((property.Value, propertyType, $"{path}{info.Name}."));
        }
        if (unknown.Count > 0)
        {
            var where = path.Length == 0 ? "in the request body" : $"in '{path.TrimEnd('.')}'";
            sentences.Add(NameSuggestions.DescribeUnknown("property", where, unknown, type.Properties.Select(p => p.Name).ToList(), path));
        }
        foreach (var (value, propertyType, nestedPath) in nested) Walk(value, propertyType, nestedPath, sentences);
    }
}

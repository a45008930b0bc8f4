using System.Globalization;
using System.Text.Json;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Parses a key given as text (a URL query value) as a state's key type: <c>long</c>, <c>int</c>, <c>short</c>,
/// <c>sbyte</c>, <c>byte</c> (invariant-culture integers), <c>string</c> (as is), <c>bool</c>, <c>char</c> (one
/// character), <c>Guid</c>; any other key type (a value tuple, a record implementing <c>IStableKey</c>) as JSON of that
/// type, e.g. <c>{"Item1":1,"Item2":"a"}</c>. Pure.
/// </summary>
internal static class SavepointKeyParser
{
    /// <summary>The key, or null with <paramref name="problem"/> saying why <paramref name="text"/> is not one.</summary>
    public static object? TryParse(string text, Type keyType, string keyTypeName, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keyType);
        problem = "";
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        var invariant = CultureInfo.InvariantCulture;
        object? key = Type.GetTypeCode(keyType) switch
        {
            TypeCode.Int64 => long.TryParse(text, integer, invariant, out var l) ? l : null,
            TypeCode.Int32 => int.TryParse(text, integer, invariant, out var i) ? i : null,
            TypeCode.Int16 => short.TryParse(text, integer, invariant, out var s) ? s : null,
            TypeCode.SByte => sbyte.TryParse(text, integer, invariant, out var sb) ? sb : null,
            TypeCode.Byte => byte.TryParse(text, NumberStyles.None, invariant, out var b) ? b : null,
            TypeCode.String => text,
            TypeCode.Boolean => bool.TryParse(text, out var flag) ? flag : null,
            TypeCode.Char => text.Length == 1 ? text[0] : null,
            _ when keyType == typeof(Guid) => Guid.TryParse(text, out var g) ? g : null,
            _ => ParseJson(text, keyType),
        };
        if (key is null) problem = $"Key '{text}' does not parse as {keyTypeName}, the key type of this state ({Expected(keyType)}).";
        return key;
    }

    private static object? ParseJson(string text, Type keyType)
    {
        try
        {
            return JsonSerializer.Deserialize(text, keyType, StateValueJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Expected(Type keyType) => Type.GetTypeCode(keyType) switch
    {
        TypeCode.Int64 => $"a whole number from {long.MinValue} to {long.MaxValue}",
        TypeCode.Int32 => $"a whole number from {int.MinValue} to {int.MaxValue}",
        TypeCode.Int16 => $"a whole number from {short.MinValue} to {short.MaxValue}",
        TypeCode.SByte => $"a whole number from {sbyte.MinValue} to {sbyte.MaxValue}",
        TypeCode.Byte => "a whole number from 0 to 255",
        TypeCode.Boolean => "true or false",
        TypeCode.Char => "exactly one character",
        _ when keyType == typeof(Guid) => "a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e",
        _ => "JSON of that type",
    };
}

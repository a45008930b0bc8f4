using System.Collections.Concurrent;
using System.Reflection;

namespace OrleansFlow.State;

/// <summary>
/// Maps the type names a snapshot's state table stores (<see cref="KeyedStateSnapshotFormat.FormatTypeName"/>, e.g.
/// <c>System.Int64</c>, <c>System.Collections.Generic.List&lt;System.Int64&gt;</c>,
/// <c>System.Collections.Generic.Dictionary&lt;System.String, System.Int64&gt;</c>, <c>System.Int32[]</c>) back to
/// types: a name is looked up by full name in the core library, then in every loaded assembly (user types); a generic
/// name <c>N&lt;A, B&gt;</c> is the definition <c>N`2</c> closed over its resolved arguments; <c>[]</c> and
/// <c>[,]</c> suffixes make arrays. Thread-safe; answers are cached.
/// </summary>
internal sealed class SnapshotTypeResolver
{
    private const int MaxNameLength = 2048;
    private const int MaxDepth = 32;
    private readonly ConcurrentDictionary<string, Type> _cache = new(StringComparer.Ordinal);

    /// <summary>The type named <paramref name="name"/>; false (and why in <paramref name="problem"/>) when it cannot be resolved.</summary>
    public bool TryResolve(string name, out Type type, out string problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        problem = "";
        if (_cache.TryGetValue(name, out var cached))
        {
            type = cached;
            return true;
        }
        try
        {
            if (name.Length > MaxNameLength) throw new FormatException($"it is longer than {MaxNameLength} characters");
            var position = 0;
            var resolved = Parse(name, ref position, depth: 0);
            if (position != name.Length) throw new FormatException($"unexpected '{name[position]}' at position {position}");
            _cache[name] = resolved;
            type = resolved;
            return true;
        }
        catch (FormatException e)
        {
            type = typeof(void);
            problem = $"type '{name}' cannot be resolved: {e.Message}";
            return false;
        }
    }

    private static Type Parse(string text, ref int position, int depth)
    {
        if (depth > MaxDepth) throw new FormatException($"generic arguments are nested deeper than {MaxDepth}");
        var start = position;
        while (position < text.Length && text[position] is not ('<' or '>' or ',' or '[' or ']')) position++;
        var name = text[start..position].Trim();
        if (name.Length == 0) throw new FormatException($"a type name is missing at position {start}");
        if (name.AsSpan().IndexOfAny("&*`") >= 0) throw new FormatException($"'{name}' is not a name a snapshot stores (no '&', '*' or '`')");

        Type type;
        if (position < text.Length && text[position] == '<')
        {
            var arguments = new List<Type>();
            do
            {
                position++; // '<' or ','
                arguments.Add(Parse(text, ref position, depth + 1));
            }
            while (position < text.Length && text[position] == ',');
            if (position >= text.Length || text[position] != '>') throw new FormatException($"'>' expected at position {position}");
            position++;
            var definition = Find($"{name}`{arguments.Count}");
            try
            {
                type = definition.MakeGenericType([.. arguments]);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"{definition.FullName} cannot take these type arguments ({e.Message})");
            }
        }
        else
        {
            type = Find(name);
        }

        while (position < text.Length && text[position] == '[')
        {
            var rank = 1;
            position++;
            while (position < text.Length && text[position] == ',')
            {
                rank++;
                position++;
            }
            if (position >= text.Length || text[position] != ']') throw new FormatException($"']' expected at position {position}");
            position++;
            type = rank == 1 ? type.MakeArrayType() : type.MakeArrayType(rank);
        }
        while (position < text.Length && text[position] == ' ') position++;
        return type;
    }

    /// <summary>A non-generic type or a generic definition by full name, in the core library or any loaded assembly.</summary>
    private static Type Find(string fullName)
    {
        Type? type;
        try
        {
            type = Type.GetType(fullName, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or FileLoadException or BadImageFormatException)
        {
            throw new FormatException($"'{fullName}' is not a valid type name ({e.Message})");
        }
        if (type is not null) return type;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            try
            {
                type = assembly.GetType(fullName, throwOnError: false);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ReflectionTypeLoadException)
            {
                continue;
            }
            if (type is not null) return type;
        }
        throw new FormatException($"no loaded assembly defines '{fullName}' (is the job's assembly deployed on this silo?)");
    }
}

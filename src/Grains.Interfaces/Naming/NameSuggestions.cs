namespace OrleansFlow.Naming;

/// <summary>
/// Finds the known name a misspelt one was meant to be (pure), for messages such as
/// <c>'paralelism' (did you mean 'parallelism'?)</c>. Names compare case-insensitively. A known name is suggested when
/// its optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions) to the given name is at
/// most <see cref="MaxDistance"/>, or, failing that, when one starts with the other and the given name has at least
/// <see cref="MinPrefixLength"/> characters (<c>interval</c> → <c>intervalMs</c>). The closest wins; ties go to the
/// first in the known order.
/// </summary>
public static class NameSuggestions
{
    /// <summary>The shortest given name for which a prefix match is suggested.</summary>
    public const int MinPrefixLength = 4;

    /// <summary>
    /// The largest edit distance suggested for a name of <paramref name="length"/> characters: none below 2 characters,
    /// 1 up to 4, 2 from 5 (so a short name is not "corrected" into an unrelated one).
    /// </summary>
    public static int MaxDistance(int length) => length switch
    {
        < 2 => 0,
        < 5 => 1,
        _ => 2,
    };

    /// <summary>The optimal-string-alignment distance between <paramref name="a"/> and <paramref name="b"/>, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = a.ToUpperInvariant();
        var y = b.ToUpperInvariant();
        var d = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= y.Length; j++) d[0, j] = j;
        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) best = Math.Min(best, d[i - 2, j - 2] + 1);
                d[i, j] = best;
            }
        }
        return d[x.Length, y.Length];
    }

    /// <summary>The known name closest to <paramref name="name"/>, or null when none is close enough.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        var names = known.ToList();
        var limit = MaxDistance(name.Length);
        string? closest = null;
        var closestDistance = int.MaxValue;
        foreach (var candidate in names)
        {
            var distance = Distance(name, candidate);
            if (distance <= limit && distance < closestDistance)
            {
                closest = candidate;
                closestDistance = distance;
            }
        }
        if (closest is not null || name.Length < MinPrefixLength) return closest;
        return names.FirstOrDefault(candidate =>
            candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// <c>'{prefix}{name}'</c>, followed by <c> (did you mean '{prefix}{suggestion}'?)</c> when a known name is close
    /// (<paramref name="prefix"/> is e.g. <c>checkpointing.</c> for a nested property).
    /// </summary>
    public static string Describe(string name, IEnumerable<string> known, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Closest(name, known) is { } suggestion
            ? $"'{prefix}{name}' (did you mean '{prefix}{suggestion}'?)"
            : $"'{prefix}{name}'";
    }

    /// <summary>
    /// One sentence naming every unknown name, each with its suggestion, and the known ones:
    /// <c>Unknown {what} 'a' (did you mean 'b'?), 'c' {where}; known: b, d.</c> (<paramref name="what"/> singular,
    /// pluralised when there are several, e.g. <c>property</c> → <c>properties</c>, <c>job argument</c> → <c>job arguments</c>).
    /// </summary>
    public static string DescribeUnknown(string what, string where, IReadOnlyCollection<string> unknown, IReadOnlyCollection<string> known, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(known);
        var noun = unknown.Count == 1 ? what : Plural(what);
        var names = string.Join(", ", unknown.Select(u => Describe(u, known, prefix)));
        var expected = known.Count == 0 ? "it takes none" : "known: " + string.Join(", ", known.Select(k => prefix + k));
        return $"Unknown {noun} {names} {where}; {expected}.";
    }

    private static string Plural(string noun) =>
        noun.EndsWith('y') && !noun.EndsWith("ey", StringComparison.Ordinal) ? noun[..^1] + "ies" : noun + "s";
}

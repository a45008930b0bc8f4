using System.Globalization;
using OrleansFlow.Bench;
using OrleansFlow.Bench.Baselines;

// Usage: dotnet run -c Release --project bench/OrleansFlow.Bench -- [--events N] [--keys K] [--grain-events N] [--rounds R] [--tuning] [--only name,name]
// Workload: N events, event i = (key = i % K, value = i); sum per key; every benchmark verifies its result.

var options = BenchOptions.Default;
HashSet<string>? only = null;
var tuning = false;
for (int a = 0; a < args.Length; a++)
{
    string arg = args[a];
    switch (arg)
    {
        case "--events":
            options = options with { Events = ParseCount(arg, NextValue(ref a)) };
            break;
        case "--keys":
            options = options with { Keys = ParseCount(arg, NextValue(ref a)) };
            break;
        case "--grain-events":
            options = options with { GrainEvents = ParseCount(arg, NextValue(ref a)) };
            break;
        case "--rounds":
            options = options with { Rounds = (int)ParseCount(arg, NextValue(ref a)) };
            break;
        case "--tuning":
            tuning = true;
            break;
        case "--only":
            only = new HashSet<string>(
                NextValue(ref a).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                StringComparer.OrdinalIgnoreCase);
            break;
        case "-h" or "--help":
            PrintUsage();
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{arg}'.");
            PrintUsage();
            return 2;
    }
}

var all = CreateBenchmarks(tuning);
if (only is not null)
{
    var unknown = only.Where(name => !all.Any(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase))).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(b => b.Name))}.");
        return 2;
    }
}

var selected = all.Where(b => only is null || only.Contains(b.Name)).ToList();

Console.WriteLine("## OrleansFlow keyed-sum benchmark");
Console.WriteLine();
foreach (var line in MachineInfo.Describe())
{
    Console.WriteLine(line);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Workload: events={options.Events:N0}, keys={options.Keys:N0}, grain-per-key events={options.GrainEvents:N0}, rounds={options.Rounds}"));
Console.WriteLine();

var (_, failures) = await new BaselineRunner(Console.Out).RunAsync(selected, options, HandLoopBaseline.BenchmarkName);
return failures == 0 ? 0 : 1;

// ---------------------------------------------------------------------------------------------------------
// The benchmarks, in table order. The hand loop must stay first: it is the reference for "x of hand loop".
// ---------------------------------------------------------------------------------------------------------
static IReadOnlyList<IBenchmark> CreateBenchmarks(bool tuning) =>
[
    new HandLoopBaseline(),
    new AkkaStreamsBaseline(),
    new EngineDirectBenchmark(),
    new BareBatchGrainBaseline(),
    new GrainPerKeyBaseline(),
    new OrleansFlowKeyedSumBenchmark(parallelism: 1),
    new OrleansFlowKeyedSumBenchmark(parallelism: 2),
    // --tuning: the same job at other batch sizes and windows, in the same run, to choose the defaults.
    .. (tuning
        ? new[] { 1024, 8192, 16384, 32768 }.SelectMany(b => new IBenchmark[] { new OrleansFlowKeyedSumBenchmark(2, b), new OrleansFlowKeyedSumBenchmark(2, b, 2) })
        : Array.Empty<IBenchmark>()),
];

string NextValue(ref int index)
{
    if (index + 1 >= args.Length)
    {
        throw new ArgumentException($"Missing value after '{args[index]}'.");
    }

    return args[++index];
}

static long ParseCount(string name, string value)
{
    if (!long.TryParse(value.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out long result) || result <= 0)
    {
        throw new ArgumentException($"{name}: '{value}' is not a positive integer.");
    }

    return result;
}

static void PrintUsage() => Console.WriteLine(
    "Usage: dotnet run -c Release --project bench/OrleansFlow.Bench -- [--events N] [--keys K] [--grain-events N] [--rounds R] [--tuning] [--only name,name]\n" +
    "Benchmarks: " + string.Join(", ", CreateBenchmarks(tuning: true).Select(b => b.Name)));

using System.Globalization;
using OrleansFlow.Bench;
using OrleansFlow.Bench.Baselines;
using OrleansFlow.Bench.Checkpoints;
using OrleansFlow.Bench.SiloProcesses;

// Usage: see PrintUsage below.
// Workload: N events, event i = (key = i % K, value = i); sum per key; every benchmark verifies its result.
// The checkpoint benchmarks (issue 3) and the rescale benchmark (issue 4) run only when --only names them.

var options = BenchOptions.Default;
var checkpointOptions = CheckpointBenchOptions.Default;
HashSet<string>? only = null;
var tuning = false;
IReadOnlyList<SiloBuild>? siloBuilds = null;
long siloEvents = 100_000_000;
string[]? siloScenarios = null;
var siloWarmJobs = 0;
long siloKeys = 100_000;
int? overheadRounds = null;
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
        case "--watermark-every":
            options = options with { WatermarkEvery = Math.Max(1, ParseCount(arg, NextValue(ref a))) };
            break;
        case "--tuning":
            tuning = true;
            break;
        case "--state-sizes":
            checkpointOptions = checkpointOptions with { StateSizes = ByteSize.ParseList(NextValue(ref a)) };
            break;
        case "--storage":
            checkpointOptions = checkpointOptions with { Storages = CheckpointBenchOptions.ParseStorages(NextValue(ref a)) };
            break;
        case "--checkpoint-events":
            checkpointOptions = checkpointOptions with { Events = ParseCount(arg, NextValue(ref a)) };
            break;
        case "--overhead-rounds":
            overheadRounds = (int)Math.Min(int.MaxValue, ParseCount(arg, NextValue(ref a)));
            break;
        case "--overhead-warmup":
            checkpointOptions = checkpointOptions with { OverheadWarmupRounds = (int)Math.Min(int.MaxValue, ParseCount(arg, NextValue(ref a))) };
            break;
        case "--interval-ms":
            checkpointOptions = checkpointOptions with { IntervalMs = ParseCount(arg, NextValue(ref a)) };
            break;
        case "--payload-bytes":
            checkpointOptions = checkpointOptions with { PayloadBytes = (int)Math.Min(int.MaxValue, ParseCount(arg, NextValue(ref a))) };
            break;
        case "--silo-builds":
            siloBuilds = SiloBuild.ParseList(NextValue(ref a));
            break;
        case "--silo-keys":
            siloKeys = ParseCount(arg, NextValue(ref a));
            break;
        case "--silo-warm-jobs":
            siloWarmJobs = (int)Math.Min(100, ParseCount(arg, NextValue(ref a)));
            break;
        case "--silo-scenarios":
            siloScenarios = NextValue(ref a).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            break;
        case "--silo-events":
            siloEvents = ParseCount(arg, NextValue(ref a));
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
    var unknown = only.Where(name => !all.Any(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase))
                                     && !CheckpointSuite.Names.Contains(name, StringComparer.OrdinalIgnoreCase)
                                     && !SiloProcessNames.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(b => b.Name).Concat(CheckpointSuite.Names).Concat(SiloProcessNames))}.");
        return 2;
    }
}

var selected = all.Where(b => only is null || only.Contains(b.Name)).ToList();
checkpointOptions = checkpointOptions with { Keys = options.Keys, Rounds = options.Rounds, OverheadRounds = overheadRounds ?? options.Rounds };

Console.WriteLine("## OrleansFlow benchmarks");
Console.WriteLine();
foreach (var line in MachineInfo.Describe())
{
    Console.WriteLine(line);
}

Console.WriteLine();
var failures = 0;
if (selected.Count > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"keyed-sum workload: events={options.Events:N0}, keys={options.Keys:N0}, grain-per-key events={options.GrainEvents:N0}, rounds={options.Rounds}"));
    Console.WriteLine();
    (_, failures) = await new BaselineRunner(Console.Out).RunAsync(selected, options, HandLoopBaseline.BenchmarkName);
    Console.WriteLine();
}

if (only is not null) failures += await CheckpointSuite.RunAsync(only, checkpointOptions, Console.Out);
if (only is not null && SiloProcessNames.Any(only.Contains))
    failures += await new SiloProcessBenchmark(Console.Out).RunAsync(only, siloBuilds ?? [SiloBuild.Current()], siloEvents, options.Rounds, siloKeys, siloScenarios, siloWarmJobs);
return failures == 0 ? 0 : 1;

// ---------------------------------------------------------------------------------------------------------
// The benchmarks, in table order. The hand loop must stay first: it is the reference for "x of hand loop".
// ---------------------------------------------------------------------------------------------------------
static IReadOnlyList<IBenchmark> CreateBenchmarks(bool tuning) =>
[
    new HandLoopBaseline(),
    new AkkaStreamsBaseline(),
    new EngineDirectBenchmark(),
    .. new[] { "keyed-sum", "timers", "tumbling", "sliding-4", "sliding-60", "sessions" }.Select(v => (IBenchmark)new EventTimeDirectBenchmark(v)),
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
    "Usage: OrleansFlow.Bench [--events N] [--keys K] [--grain-events N] [--rounds R] [--tuning] [--only name,name]\n" +
    "                         [--state-sizes 10MB,100MB,1GB] [--storage folder,azurite] [--checkpoint-events N] [--overhead-rounds R]\n" +
    "                         [--overhead-warmup W] [--interval-ms MS] [--payload-bytes B] [--silo-builds label=dll,…] [--silo-events N]\n" +
    "                         [--silo-scenarios name-part,…] (silo-event-time: only scenarios whose name contains one)\n" +
    "                         [--silo-warm-jobs N] (silo-*: N unmeasured runs of the job in the same silo before the measured one)\n" +
    "Keyed-sum throughput (the default set when --only is absent; the -b/-w variants with --tuning): " + string.Join(", ", CreateBenchmarks(tuning: true).Select(b => b.Name)) + "\n" +
    "Checkpoints (issue 3; only with --only):\n" +
    "  checkpoint-overhead   keyed-sum p=2 with checkpoints off vs every --interval-ms (default 1000) on each --storage, --overhead-rounds\n" +
    "                        interleaved rounds (default --rounds) after --overhead-warmup full rounds not counted (default 3);\n" +
    "                        --checkpoint-events per round (default 200,000,000), --keys keys\n" +
    "  checkpoint-duration   per --storage and --state-sizes (default 10MB,100MB,1GB; MB = 10^6 bytes, MiB = 2^20): median checkpoint\n" +
    "                        end to end, sync and async of --rounds checkpoints of a job holding --payload-bytes (default 1000) per key,\n" +
    "                        beside the raw write bandwidth of the same bytes (plain File/Blob API and ICheckpointStorage.WriteAsync)\n" +
    "  rescale-downtime      per --storage and --state-sizes: the state job at p=2 rescaled to 4 and back, --rounds times; the job manager's\n" +
    "                        downtime and trigger → COMPLETED per direction, beside the raw write and read bandwidth of the savepoint's\n" +
    "                        bytes (plain File/Blob API and ICheckpointStorage); goal downtime ≤ 2 × bytes / min(read, write) + 1 s\n" +
    "  snapshot-pipeline     per --state-sizes, in one process without a cluster: raw file write/read beside the snapshot's stages\n" +
    "                        (serialize, + CRC-64, StateFileWriter to a folder, restore read/parse, materialize), --rounds rounds\n" +
    "Silo processes (only with --only; fresh `dotnet OrleansFlow.Silo.dll` processes every round, REST submission):\n" +
    "  silo-rss              keyed-sum at p=8 on one silo and p=16 on two (Redis clustering; redis-server on the PATH): each silo's\n" +
    "                        peak resident set (VmHWM) beside its idle one, per --silo-builds (default this checkout's Release build)\n" +
    "  silo-throughput       keyed-sum p=1 and p=2 on one silo, events/s from the job's start and end times, per --silo-builds;\n" +
    "                        --silo-events per run (default 100,000,000), --rounds rounds after one warm-up, interleaved\n" +
    "  --watermark-every N   event-time-direct-*: a watermark after every N events (default 1,024; ~262,144 is the silo's 200 ms at ~1.3 M/s)\n" +
    "  silo-event-time       at p=1 on one silo, --silo-keys keys (default 100,000): keyed-sum beside window-sum tumbling 1 s, sliding 1 s/250 ms and\n" +
    "                        60 s/1 s, sessions (100 ms gap), and event-timers (one event-time timer per record, all fired)\n" +
    "  --storage             folder (a temporary folder) and/or azurite (started by the bench from .tools/ or AZURITE_BLOB; default both)");

internal static partial class Program
{
    private static readonly string[] SiloProcessNames = [SiloProcessBenchmark.RssName, SiloProcessBenchmark.ThroughputName, SiloProcessBenchmark.EventTimeName];
}

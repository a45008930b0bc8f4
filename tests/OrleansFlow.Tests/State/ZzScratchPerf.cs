using Xunit.Abstractions;
using System.Diagnostics;
using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;
namespace OrleansFlow.Tests.State;
public sealed class ZzScratchPerf(ITestOutputHelper output)
{
    [Fact]
    public void Perf()
    {
        var backend = CreateBackend<long>(0, 127);
        var state = backend.GetState(new ValueStateDescriptor<long>("count"));
        var kgs = new int[10000];
        for (var k = 0; k < kgs.Length; k++) kgs[k] = KeyGroupOf((long)k);
        for (var iter = 0; iter < 5; iter++)
        {
            var sw = Stopwatch.StartNew();
            var n = 0L;
            for (var round = 0; round < 2000; round++)
                for (var k = 0; k < kgs.Length; k++) { backend.SetCurrentKey(k, kgs[k]); state.Update(state.Value + 1); n++; }
            output.WriteLine($"{n / sw.Elapsed.TotalSeconds / 1e6:F1} M ops/s");
        }
        var sw2 = Stopwatch.StartNew();
        var big = CreateBackend<long>(0, 127);
        var s2 = big.GetState(new ValueStateDescriptor<long>("count"));
        for (var k = 0L; k < 1_000_000; k++) { big.SetCurrentKey(k, KeyGroupOf(k)); s2.Update(k); }
        using var ms = new MemoryStream();
        sw2.Restart();
        var info = big.Snapshot(big.KeyGroupRange, ms);
        output.WriteLine($"snapshot 1M: {sw2.ElapsedMilliseconds} ms, {info.TotalBytes} bytes");
        sw2.Restart();
        var r = CreateBackend<long>(0, 127);
        ms.Position = 0;
        r.Restore(ms, r.KeyGroupRange);
        r.GetState(new ValueStateDescriptor<long>("count"));
        output.WriteLine($"restore 1M: {sw2.ElapsedMilliseconds} ms");
    }
}

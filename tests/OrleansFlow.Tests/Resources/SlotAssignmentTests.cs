using OrleansFlow.Resources;

namespace OrleansFlow.Tests.Resources;

public sealed class SlotAssignmentTests
{
    [Fact]
    public void Assign_WhenTwoSilosHaveFourFreeEach_PutsFourSlotsOnEach()
    {
        var slots = SlotAssignment.Assign([("a", 4), ("b", 4)], 8);

        Assert.NotNull(slots);
        Assert.Equal(4, slots.Count(s => s == "a"));
        Assert.Equal(4, slots.Count(s => s == "b"));
        Assert.Equal(["a", "b", "a", "b", "a", "b", "a", "b"], slots); // subtask i and i+1 on different silos
    }

    [Fact]
    public void Assign_WhenSilosAreUneven_FillsTheFreestFirst()
    {
        var slots = SlotAssignment.Assign([("a", 1), ("b", 5)], 6);

        Assert.Equal(["b", "b", "b", "b", "a", "b"], slots!); // ties go to the silo listed first
    }

    [Fact]
    public void Assign_WhenFewerFreeThanNeeded_IsNull()
    {
        Assert.Null(SlotAssignment.Assign([("a", 4), ("b", 3)], 8));
        Assert.Null(SlotAssignment.Assign([], 1));
    }

    [Fact]
    public void Assign_WhenNothingNeeded_IsEmpty()
    {
        Assert.Empty(SlotAssignment.Assign([("a", 0)], 0)!);
    }

    [Fact]
    public void FreeSlots_WhenOtherJobsHoldSlots_SubtractsThemButNotTheAskingJobs()
    {
        var held = new Dictionary<string, IReadOnlyList<string>>
        {
            ["j1"] = ["a", "a", "b"],
            ["j2"] = ["b"],
        };

        var free = SlotAssignment.FreeSlots([("a", 4), ("b", 4)], held, exceptJob: "j2");

        Assert.Equal([("a", 2), ("b", 3)], free);
    }

    [Fact]
    public void FreeSlots_WhenAJobHoldsSlotsOnAGoneSilo_CountsThemForNothing()
    {
        var held = new Dictionary<string, IReadOnlyList<string>> { ["j1"] = ["gone", "gone", "a"] };

        var free = SlotAssignment.FreeSlots([("a", 2)], held, exceptJob: null);

        Assert.Equal([("a", 1)], free);
    }
}

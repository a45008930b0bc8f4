using Orleans.Concurrency;

namespace OrleansFlow.Savepoints;

/// <summary>
/// <see cref="ISavepointGrain"/>: a stateless worker over <see cref="SavepointInspector"/> that turns its refusals
/// into results. Storage errors propagate to the caller (the REST API answers 500).
/// </summary>
[StatelessWorker]
internal sealed class SavepointGrain(SavepointInspector inspector) : Grain, ISavepointGrain
{
    public async Task<SavepointInspection> Inspect(string name)
    {
        try
        {
            return new SavepointInspection { Savepoint = await inspector.InspectAsync(name) };
        }
        catch (SavepointRequestException e)
        {
            return new SavepointInspection { Error = e.Kind, Message = e.Message };
        }
    }

    public async Task<SavepointStateValue> ReadState(string name, string operatorUid, string stateName, string? key)
    {
        try
        {
            return await inspector.ReadStateAsync(name, operatorUid, stateName, key);
        }
        catch (SavepointRequestException e)
        {
            return new SavepointStateValue { Error = e.Kind, Message = e.Message };
        }
    }

    public async Task<SavepointDeletion> Delete(string name)
    {
        try
        {
            return new SavepointDeletion { DeletedFiles = await inspector.DeleteAsync(name) };
        }
        catch (SavepointRequestException e)
        {
            return new SavepointDeletion { Error = e.Kind, Message = e.Message };
        }
    }
}

namespace SdkNodes.Tests.Workflow;

public sealed record Place(string City, string Country);

public sealed record CustomerUpdate(string Id, string City);

/// <summary>Looks up where a customer is; failures continue the workflow.</summary>
[ApiRequest("GET", "/places/{customer}")]
public sealed partial class FindPlace : IApiNode<Place>
{
    public required string Customer { get; init; }
}

/// <summary>A step the workflow cannot do without: failures abort the run.</summary>
[ApiRequest("POST", "/approvals/{order}")]
[OnFailure(FailureAction.Abort)]
public sealed partial class Approve : IApiNode
{
    public required string Order { get; init; }
}

/// <summary>Writes a customer's city, read from an earlier node.</summary>
[ApiRequest("PUT", "/customers/{id}")]
public sealed partial class SaveCity : IApiNode
{
    public required string Id { get; init; }

    [Body] public required CustomerUpdate Update { get; init; }
}

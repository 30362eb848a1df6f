using System.Text.Json.Serialization;

namespace SdkNodes.Tests.DataObjects;

public sealed record Contact(string Id, [property: JsonPropertyName("full_name")] string Name, string Email, int Age, string? Note);

/// <summary>Pushes only the name and age of a contact.</summary>
[SendObject("PATCH", "/contacts/{id}")]
[Fields(nameof(Contact.Name), nameof(Contact.Age), nameof(Contact.Note))]
public sealed partial class PatchContactFields : IApiNode
{
    public required string Id { get; init; }

    [Body] public required Contact Contact { get; init; }
}

/// <summary>Pushes the whole contact.</summary>
[SendObject("PUT", "/contacts/{id}")]
public sealed partial class PutContact : IApiNode
{
    public required string Id { get; init; }

    [Body] public required Contact Contact { get; init; }
}

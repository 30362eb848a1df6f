using System.Text.Json;

namespace SdkNodes.Tests.DataObjects;

/// <summary>What a data-object node puts in its body: the whole record, or only the [Fields] members.</summary>
public class SendObjectBodyTests
{
    private static readonly Contact s_contact = new("c-1", "Ada Lovelace", "ada@example.com", 36, null);

    [Fact]
    public async Task Fields_PushOnlyTheSelectedMembers_NamedByJsonPropertyNameAndTheNamingPolicy()
    {
        using HttpRequestMessage request = new PatchContactFields { Id = "c-1", Contact = s_contact }.CreateRequest();

        string body = await request.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("""{"full_name":"Ada Lovelace","age":36,"note":null}""", body);
        Assert.Equal("application/json; charset=utf-8", request.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpMethod.Patch, request.Method);
    }

    [Fact]
    public async Task Fields_FollowTheRuntimesNamingPolicy()
    {
        var options = new NodeRuntimeOptions
        {
            JsonSerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper },
        };
        using var runtime = new NodeRuntime(options);
        IGeneratedNode node = new PatchContactFields { Id = "c-1", Contact = s_contact };

        using HttpRequestMessage request = node.CreateRequest(runtime.JsonSerializerOptions, baseRoot: null);
        string body = await request.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("""{"full_name":"Ada Lovelace","AGE":36,"NOTE":null}""", body);
    }

    [Fact]
    public async Task WithoutFields_TheWholeRecordIsPushed()
    {
        using HttpRequestMessage request = new PutContact { Id = "c-1", Contact = s_contact }.CreateRequest();

        string body = await request.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("""{"id":"c-1","full_name":"Ada Lovelace","email":"ada@example.com","age":36,"note":null}""", body);
        Assert.Equal(NodeKind.SendObject, PutContact.Descriptor.Kind);
    }
}

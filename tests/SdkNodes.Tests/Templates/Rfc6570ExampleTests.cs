namespace SdkNodes.Tests.Templates;

/// <summary>Every example expansion of RFC 6570 §3.2, through nodes the generator compiled.</summary>
public class Rfc6570ExampleTests
{
    public static TheoryData<string> Templates => new(Rfc6570Examples.All.Select(e => e.Template));

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_ExpandsAsTheRfcSays(string template)
    {
        var example = Rfc6570Examples.All.Single(e => e.Template == template);
        IGeneratedNode node = example.Create();

        Assert.Equal(template, node.Descriptor.UriTemplate);
        Assert.Equal(example.Expected, node.FormatUri(redactSecrets: false));
    }

    [Fact]
    public void AllLevelFourExamples_AreCovered()
    {
        Assert.True(Rfc6570Examples.All.Count >= 110, $"only {Rfc6570Examples.All.Count} examples");
        Assert.Equal(Rfc6570Examples.All.Count, Rfc6570Examples.All.Select(e => e.Template).Distinct().Count());
    }
}

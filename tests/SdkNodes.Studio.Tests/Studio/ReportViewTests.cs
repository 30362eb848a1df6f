using SdkNodes.Tool.Studio;
using SdkNodes.Tool.Studio.Pages;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>How the report shows each kind of body, with whatever an API sends encoded, never run as markup.</summary>
public sealed class ReportViewTests
{
    private static readonly NodeDescriptor Get = new() { Name = "GetThing", FullName = "Contoso.GetThing", Method = "GET", UriTemplate = "/thing" };

    private static TestReport Answer(string? body, string? contentType = null, long? length = null) => new()
    {
        NodeName = "GetThing",
        SentAt = new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero),
        Outcome = NodeOutcome.Succeeded,
        StatusCode = 200,
        Seconds = 0.25,
        Body = body,
        ContentType = contentType,
        ContentLength = length,
    };

    private static string Render(TestReport report)
    {
        var html = new Html();
        ReportView.Write(html, Get, report);
        return html.ToString();
    }

    [Fact]
    public void ABinaryBody_IsShownAsItsSizeAndType()
    {
        string page = Render(Answer(body: null, "image/png", 5_120));

        Assert.Contains("<p data-fact=\"body\">5120 bytes of image/png (binary)</p>", page);
        Assert.DoesNotContain("csharp-type", page);
    }

    [Fact]
    public void ATextBody_IsEncoded_NotRunAsMarkup()
    {
        string page = Render(Answer("<script>alert(1)</script>", "text/html"));

        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
    }

    [Fact]
    public void JsonStringsAndNames_AreEncodedInsideTheHighlighting()
    {
        string page = Render(Answer("""{"<b>": "</pre><img src=x onerror=alert(1)>"}""", "application/json"));

        Assert.DoesNotContain("<img", page);
        Assert.DoesNotContain("<b>", page);
        Assert.Contains("<span class=\"k\">", page);
        Assert.Contains("csharp-type", page);
    }

    [Fact]
    public void AHeadAnswer_HasNoBodySection()
    {
        var head = new NodeDescriptor { Name = "Probe", FullName = "Contoso.Probe", Method = "HEAD", UriTemplate = "/thing" };
        var html = new Html();

        ReportView.Write(html, head, Answer(body: null));

        Assert.DoesNotContain("response-body", html.ToString());
        Assert.Contains("Response headers", html.ToString());
    }
}

using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>
/// The studio answers only its own loopback address, and sends only forms it served: another
/// site, by DNS rebinding or by posting a form from another page, cannot drive it.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class SafetyTests(StudioSession studio)
{
    [Theory]
    [InlineData("attacker.example")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:1")]
    public async Task ARequestWithAForeignHost_IsRefused(string host)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, studio.StudioAddress);
        request.Headers.Host = host;

        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Refused: the Host header '{host}' is not 127.0.0.1:{studio.StudioAddress.Port}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheStudiosOwnHost_IsServed()
    {
        using var client = new HttpClient();

        using HttpResponseMessage response = await client.GetAsync(studio.StudioAddress, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task AFormPostedWithoutTheAntiforgeryToken_SendsNothing()
    {
        using var client = new HttpClient { BaseAddress = studio.StudioAddress };
        using var form = new MultipartFormDataContent { { new StringContent("sku-forged"), "Sku" } };

        using HttpResponseMessage response = await client.PostAsync("/nodes/ReserveStock", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery token is missing or wrong, so nothing was sent", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/history?node=ReserveStock");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("sku-forged");
    }

    [Fact]
    public async Task AFormPostedFromAnotherPage_WithTheStudiosCookie_IsRefused()
    {
        // The page a developer has open on the studio holds its anti-forgery cookie; a second page
        // in the same browser posts to the studio without the form's token.
        IPage studioPage = await studio.NewPageAsync();
        await studioPage.GotoAsync("/nodes/ReserveStock");
        IPage other = await studioPage.Context.NewPageAsync();
        await other.SetContentAsync($"""
            <form id="f" method="post" enctype="multipart/form-data" action="{studio.StudioAddress}nodes/ReserveStock">
              <input name="Sku" value="sku-from-elsewhere">
            </form>
            """);

        IResponse answer = await other.RunAndWaitForResponseAsync(
            () => other.EvaluateAsync("document.getElementById('f').submit()"),
            response => response.Url.EndsWith("/nodes/ReserveStock", StringComparison.Ordinal));

        Assert.Equal(400, answer.Status);
        await studioPage.GotoAsync("/history?node=ReserveStock");
        await Expect(studioPage.Locator("main")).Not.ToContainTextAsync("sku-from-elsewhere");
    }
}

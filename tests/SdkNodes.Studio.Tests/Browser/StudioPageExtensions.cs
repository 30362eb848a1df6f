using Microsoft.Playwright;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>How the tests find things on the studio's pages, as a user does: by label, by button name.</summary>
internal static class StudioPageExtensions
{
    /// <summary>A parameter's input, by its label (the parameter's name, exactly).</summary>
    public static ILocator Field(this IPage page, string parameter) => page.GetByLabel(parameter, new() { Exact = true });

    /// <summary>Presses the "Send test" button.</summary>
    public static Task SendTestAsync(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

    /// <summary>One fact of the report (status, seconds, body, error-message, …).</summary>
    public static ILocator Fact(this IPage page, string name) => page.Locator($"[data-fact={name}]");
}

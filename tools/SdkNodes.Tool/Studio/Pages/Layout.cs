using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio.Pages;

/// <summary>The frame every page shares: title, the stylesheet and script, navigation and the main landmark.</summary>
internal static class Layout
{
    public static IResult Page(string title, string assemblyName, Html content, int statusCode = StatusCodes.Status200OK)
    {
        var page = new Html()
            .Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text(title).Raw(" · SdkNodes studio</title>\n")
            .Raw("<link rel=\"stylesheet\" href=\"/assets/studio.css\">\n<script src=\"/assets/studio.js\" defer></script>\n</head>\n<body>\n")
            .Raw("<header><span class=\"brand\">SdkNodes studio</span>")
            .Raw("<nav aria-label=\"Studio\"><a href=\"/\">Nodes</a><a href=\"/history\">History</a></nav>")
            .Raw("<span class=\"assembly\">").Text(assemblyName).Raw("</span></header>\n")
            .Raw("<main id=\"main\">\n").Raw(content.ToString()).Raw("\n</main>\n</body>\n</html>\n");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: statusCode);
    }
}

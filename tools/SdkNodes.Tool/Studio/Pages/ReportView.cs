using System.Globalization;
using System.Text.Json;

namespace SdkNodes.Tool.Studio.Pages;

/// <summary>
/// The report of one test on a node's page: when it was sent, status, seconds, outcome and
/// error; the request as sent (secrets redacted); the attempts when there were retries; the
/// response headers and body; and the body's JSON as C# types.
/// </summary>
internal static class ReportView
{
    public static void Write(Html html, NodeDescriptor node, TestReport report)
    {
        html.Raw("<section id=\"report\" aria-labelledby=\"report-title\">\n<h2 id=\"report-title\">Report</h2>\n<dl class=\"facts\">");
        Fact(html, report.WasSent ? "Sent" : "Refused", Html.Time(report.SentAt), "sent-at");
        Fact(html, "Status", report.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none", "status");
        Fact(html, "Seconds", report.Seconds.ToString("0.00", CultureInfo.InvariantCulture), "seconds");
        html.Raw("<dt>Outcome</dt><dd data-fact=\"outcome\"").Attr("class", "outcome-" + report.Outcome).Raw(">").Text(report.Outcome.ToString()).Raw("</dd>");
        Fact(html, "Attempts", report.Attempts.Count.ToString(CultureInfo.InvariantCulture), "attempts");
        html.Raw("</dl>\n");

        if (report.Error is { } error)
        {
            html.Raw("<div class=\"error-box\" role=\"alert\"><h3>Error</h3><dl class=\"facts\">");
            Fact(html, "Kind", error.Kind.ToString(), "error-kind");
            if (error.Code is not null)
            {
                Fact(html, "Code", error.Code, "error-code");
            }

            Fact(html, "Message", error.Message, "error-message");
            html.Raw("</dl></div>\n");
        }

        if (report.Request is { } request)
        {
            html.Raw("<h3>Request</h3>\n<p class=\"mono\" data-fact=\"request\"><span class=\"method\">").Text(request.Method).Raw("</span> ").Text(request.Url).Raw("</p>\n");
            HeaderTable(html, "Request headers", request.Headers);
        }

        if (report.Attempts.Count > 1)
        {
            WriteAttempts(html, report.Attempts);
        }

        // No answer (a value refused, a timeout, a connection that failed): nothing to show of one.
        if (report.StatusCode is null)
        {
            html.Raw("</section>\n");
            return;
        }

        html.Raw("<h3>Response headers</h3>\n");
        HeaderTable(html, "Response headers", [.. report.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)]);

        // A HEAD answer has no body by definition: no section, rather than an empty one.
        if (!string.Equals(node.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            WriteBody(html, node, report);
        }

        html.Raw("</section>\n");
    }

    private static void WriteBody(Html html, NodeDescriptor node, TestReport report)
    {
        html.Raw("<section id=\"response-body\" aria-labelledby=\"body-title\">\n<h3 id=\"body-title\">Response body</h3>\n");
        if (report.Body is null)
        {
            string text = report.ContentLength > 0
                ? $"{report.ContentLength.Value.ToString(CultureInfo.InvariantCulture)} bytes of {report.ContentType ?? "no stated type"} (binary)"
                : "No body.";
            html.Raw("<p data-fact=\"body\">").Text(text).Raw("</p>\n</section>\n");
            return;
        }

        JsonDocument? json = TryParse(report.Body);
        if (json is null)
        {
            html.Raw("<pre class=\"body\" data-fact=\"body\" tabindex=\"0\">").Text(report.Body).Raw("</pre>\n</section>\n");
            return;
        }

        using (json)
        {
            html.Raw("<pre class=\"body json\" data-fact=\"body\" tabindex=\"0\"><code>");
            JsonHtml.Write(html, json.RootElement);
            html.Raw("</code></pre>\n");
            if (json.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                html.Raw("<details id=\"csharp-type\"><summary>Response as a C# type</summary>\n")
                    .Raw("<p class=\"note\">Records that read this answer with System.Text.Json: paste them in and use the first as the node's <code>TResponse</code>.</p>\n")
                    .Raw("<button type=\"button\" class=\"secondary\" data-copy=\"csharp-code\">Copy</button>\n")
                    .Raw("<pre class=\"body\" tabindex=\"0\"><code id=\"csharp-code\">")
                    .Text(ResponseTypeWriter.Write(report.Body, node.Name + "Response"))
                    .Raw("</code></pre>\n</details>\n");
            }
        }

        html.Raw("</section>\n");
    }

    private static void WriteAttempts(Html html, IReadOnlyList<NodeAttempt> attempts)
    {
        html.Raw("<h3>Attempts</h3>\n<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">After</th><th scope=\"col\">Status</th><th scope=\"col\">Seconds</th><th scope=\"col\">Error</th></tr></thead><tbody>\n");
        foreach (NodeAttempt attempt in attempts)
        {
            html.Raw("<tr>")
                .Element("td", attempt.Number.ToString(CultureInfo.InvariantCulture))
                .Element("td", Html.Seconds(attempt.Delay) + " s")
                .Element("td", attempt.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none")
                .Element("td", Html.Seconds(attempt.Elapsed))
                .Element("td", attempt.ErrorKind is { } kind ? $"{kind}: {attempt.Message}" : "OK")
                .Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void HeaderTable(Html html, string caption, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        if (headers.Count == 0)
        {
            html.Raw("<p class=\"note\">No headers.</p>\n");
            return;
        }

        html.Raw("<table><caption class=\"visually-hidden\">").Text(caption).Raw("</caption><thead><tr><th scope=\"col\">Header</th><th scope=\"col\">Value</th></tr></thead><tbody>\n");
        foreach (KeyValuePair<string, string> header in headers)
        {
            html.Raw("<tr>").Element("td", header.Key, "mono").Element("td", header.Value, "mono").Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void Fact(Html html, string term, string value, string name)
        => html.Element("dt", term).Raw("<dd").Attr("data-fact", name).Raw(">").Text(value).Raw("</dd>");

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

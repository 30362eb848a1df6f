using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio.Pages;

/// <summary>
/// The History page: workflow runs with their status and their node rows (NotExecuted and
/// Skipped marked), then the nodes sent on their own (tests among them), filtered by node,
/// outcome and time.
/// </summary>
internal static class HistoryPage
{
    private const int MaxRuns = 100;

    private const int MaxSingleSends = 200;

    public static async Task<IResult> RenderAsync(StudioNodes nodes, StudioHistory history, HttpRequest request, CancellationToken cancellationToken)
    {
        string? node = Filter(request, "node");
        NodeOutcome? outcome = Enum.TryParse(Filter(request, "outcome"), ignoreCase: true, out NodeOutcome parsed) && Enum.IsDefined(parsed) ? parsed : null;
        DateTimeOffset? from = ParseTime(Filter(request, "from"));
        DateTimeOffset? to = ParseTime(Filter(request, "to"));
        DateTimeOffset start = from ?? DateTimeOffset.UnixEpoch;
        DateTimeOffset end = to ?? DateTimeOffset.UtcNow.AddYears(1);
        bool Matches(NodeHistoryRecord r) => (node is null || r.NodeName == node) && (outcome is null || r.Outcome == outcome);

        var html = new Html();
        html.Element("h1", "History");
        html.Raw("<p class=\"note\">From ").Text(history.Source).Raw(".</p>\n");
        List<string> problems = Problems(request, outcome, from, to);
        if (problems.Count > 0)
        {
            html.Raw("<div class=\"error-box\" role=\"alert\">").Text(string.Join(" ", problems) + " That filter is left out.").Raw("</div>\n");
        }

        WriteFilters(html, nodes, node, outcome, Filter(request, "from"), Filter(request, "to"));

        html.Element("h2", "Runs");
        int runsShown = 0;
        foreach (RunHistoryRecord run in await history.RunsAsync(start, end, MaxRuns, cancellationToken))
        {
            List<NodeHistoryRecord> rows = [.. (await history.RunNodesAsync(run.RunId, cancellationToken)).Where(Matches)];
            if (rows.Count == 0 && (node is not null || outcome is not null))
            {
                continue;
            }

            runsShown++;
            html.Raw("<section class=\"run\"").Attr("aria-label", $"Run {run.Name}").Raw("><h3>").Text(run.Name).Raw(" · <span").Attr("class", "status-" + run.Status).Raw(">").Text(run.Status.ToString()).Raw("</span>");
            if (run.AbortedBy is not null)
            {
                html.Text(" by " + run.AbortedBy);
            }

            if (run.Recovered)
            {
                // Run again on another worker after the one running it died, with the same id and keys.
                html.Raw(" <span class=\"badge Recovered\">Recovered</span>");
            }

            html.Raw("</h3>\n<p class=\"note\">").Text($"Started {Html.Time(run.StartedAt)} · {Html.Seconds(run.Elapsed)} s · {run.Nodes} nodes, {run.Unsuccessful} unsuccessful").Raw("</p>\n");
            RecordTable(html, rows, $"The nodes of run {run.Name}");
            html.Raw("</section>\n");
        }

        if (runsShown == 0)
        {
            html.Element("p", "No runs match.", "note");
        }

        html.Element("h2", "Nodes sent on their own");
        List<NodeHistoryRecord> singles = [.. (await history.SingleSendsAsync(start, end, node, MaxSingleSends, cancellationToken)).Where(Matches)];
        if (singles.Count == 0)
        {
            html.Element("p", "No node sent on its own matches.", "note");
        }
        else
        {
            RecordTable(html, singles, "Nodes sent on their own, newest first");
        }

        return Layout.Page("History", nodes.AssemblyName, html);
    }

    private static void WriteFilters(Html html, StudioNodes nodes, string? node, NodeOutcome? outcome, string? from, string? to)
    {
        html.Raw("<form class=\"filters\" method=\"get\" action=\"/history\">");
        html.Raw("<div><label for=\"f-node\">Node</label><select id=\"f-node\" name=\"node\"><option value=\"\">All nodes</option>");
        foreach (NodeDescriptor each in nodes.All)
        {
            Option(html, each.Name, each.Name == node);
        }

        html.Raw("</select></div>");
        html.Raw("<div><label for=\"f-outcome\">Outcome</label><select id=\"f-outcome\" name=\"outcome\"><option value=\"\">All outcomes</option>");
        foreach (NodeOutcome each in Enum.GetValues<NodeOutcome>())
        {
            Option(html, each.ToString(), each == outcome);
        }

        html.Raw("</select></div>");
        html.Raw("<div><label for=\"f-from\">From (UTC)</label><input type=\"datetime-local\" id=\"f-from\" name=\"from\" step=\"1\"").Attr("value", from).Raw("></div>");
        html.Raw("<div><label for=\"f-to\">To (UTC)</label><input type=\"datetime-local\" id=\"f-to\" name=\"to\" step=\"1\"").Attr("value", to).Raw("></div>");
        html.Raw("<div><button type=\"submit\">Filter</button></div></form>\n");
    }

    private static void RecordTable(Html html, IReadOnlyList<NodeHistoryRecord> records, string caption)
    {
        html.Raw("<table><caption class=\"visually-hidden\">").Text(caption).Raw("</caption><thead><tr>")
            .Raw("<th scope=\"col\">Node</th><th scope=\"col\">Request</th><th scope=\"col\">Outcome</th><th scope=\"col\">Status</th><th scope=\"col\">Seconds</th><th scope=\"col\">Started</th><th scope=\"col\">Error</th>")
            .Raw("</tr></thead><tbody>\n");
        foreach (NodeHistoryRecord record in records)
        {
            html.Raw("<tr").Attr("data-outcome", record.Outcome.ToString()).Raw(">").Element("td", record.NodeName)
                .Element("td", $"{record.Method} {record.Url}", "mono");
            // Nodes that never ran are marked, so a reader sees at once where a run stopped.
            html.Raw("<td><span")
                .Attr("class", record.Outcome is NodeOutcome.NotExecuted or NodeOutcome.Skipped ? "badge " + record.Outcome : "outcome-" + record.Outcome)
                .Raw(">").Text(record.Outcome.ToString()).Raw("</span></td>")
                .Element("td", record.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none")
                .Element("td", Html.Seconds(record.Elapsed))
                .Element("td", Html.Time(record.StartedAt), "nowrap")
                .Element("td", record.ErrorMessage)
                .Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    // A filter that was given but cannot be read is named, not silently dropped.
    private static List<string> Problems(HttpRequest request, NodeOutcome? outcome, DateTimeOffset? from, DateTimeOffset? to)
    {
        var problems = new List<string>();
        if (Filter(request, "outcome") is { } text && outcome is null)
        {
            problems.Add($"Outcome '{text}' is not one of {string.Join(", ", Enum.GetNames<NodeOutcome>())}.");
        }

        foreach ((string name, DateTimeOffset? value) in new[] { ("from", from), ("to", to) })
        {
            if (Filter(request, name) is { } given && value is null)
            {
                problems.Add($"'{given}' for {name} is not a time such as 2026-11-29T09:30.");
            }
        }

        return problems;
    }

    private static void Option(Html html, string value, bool selected)
        => html.Raw("<option").Attr("value", value).Raw(selected ? " selected>" : ">").Text(value).Raw("</option>");

    private static string? Filter(HttpRequest request, string name)
        => request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    private static DateTimeOffset? ParseTime(string? text)
        => text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at) ? at : null;
}

using SdkNodes;
using SdkNodes.PostgreSql;

// Eight writers append node records to the database args[0] names, forever, printing
// "ack NAME" once the write of record NAME has returned (its batch is committed). Many writers
// at once make the sink commit shared batches. The durability test kills this process mid-stream.
var sink = new PostgreSqlHistorySink(args[0]);
var output = new Lock();
await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
{
    for (int n = 0; ; n++)
    {
        string name = $"w{writer}-{n}";
        await sink.WriteAsync(
            new NodeHistoryRecord
            {
                NodeName = name,
                Method = "GET",
                Url = $"http://127.0.0.1/items/{n}",
                Outcome = NodeOutcome.Succeeded,
                StatusCode = 200,
                StartedAt = DateTimeOffset.UtcNow,
                Elapsed = TimeSpan.FromMilliseconds(1),
            },
            CancellationToken.None);
        lock (output)
        {
            Console.Out.WriteLine($"ack {name}");
            Console.Out.Flush();
        }
    }
})));

using SdkNodes;
using SdkNodes.Tool;

// sdknodes list <assembly.dll>
// sdknodes test <assembly.dll> <node> [--set name=value]... [--save-body FILE] [--base-address url] [--json]
const string Usage = """
    Usage:
      sdknodes list <assembly.dll>
      sdknodes test <assembly.dll> <node> [--set name=value]... [--save-body FILE] [--base-address url] [--json]
    (--set name= leaves a value empty; --set File=@path sends a file; --save-body writes the answer's body, binary or text)
    """;

if (args.Length < 2 || args[0] is not ("list" or "test"))
{
    Console.WriteLine(Usage);
    return 2;
}

try
{
    string assembly = args[1];
    if (!File.Exists(assembly))
    {
        throw new ToolException($"No assembly at '{assembly}'.");
    }

    var rest = new List<string> { args[0] };
    var options = new NodeRuntimeOptions();
    for (int i = 2; i < args.Length; i++)
    {
        if (args[i] == "--base-address")
        {
            if (i + 1 >= args.Length || !Uri.TryCreate(args[i + 1], UriKind.Absolute, out Uri? baseAddress))
            {
                throw new ToolException("--base-address needs an absolute address, such as http://127.0.0.1:5000/.");
            }

            options.BaseAddress = baseAddress;
            i++;
            continue;
        }

        rest.Add(args[i]);
    }

    IReadOnlyList<NodeDescriptor> nodes = NodeAssembly.Load(assembly);
    using var runtime = new NodeRuntime(options);
    return await NodeCommandLine.RunAsync(rest, nodes, runtime, Console.Out);
}
catch (ToolException ex)
{
    Console.WriteLine(ex.Message);
    return 2;
}

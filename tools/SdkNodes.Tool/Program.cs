using System.CommandLine;
using SdkNodes;
using SdkNodes.Tool;

// sdknodes list <assembly.dll>
// sdknodes test <assembly.dll> <node> [--set name=value]... [--save-body FILE] [--base-address URL] [--json]
// sdknodes studio <assembly.dll> [--port N] [--base-address URL] [--history FILE.db]
// Parsed with System.CommandLine (help, suggestions); exit code 0 succeeded, 1 the node did not, 2 a usage error.
var root = new RootCommand("Lists an assembly's SdkNodes nodes, tests one (the Test API), or serves the studio web page to test them.")
{
    ToolCommands.List(),
    ToolCommands.Test(),
    ToolCommands.Studio(),
};

try
{
    return await NodeCommandLine.InvokeAsync(root, args, Console.Out);
}
catch (ToolException ex)
{
    Console.WriteLine(ex.Message);
    return NodeCommandLine.UsageError;
}

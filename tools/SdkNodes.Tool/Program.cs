using System.CommandLine;
using SdkNodes;
using SdkNodes.Tool;

// sdknodes list <assembly.dll>
// sdknodes test <assembly.dll> <node> [--set name=value]... [--save-body FILE] [--base-address URL] [--json]
// Parsed with System.CommandLine (help, suggestions); exit code 0 succeeded, 1 the node did not, 2 a usage error.
var root = new RootCommand("Lists an assembly's SdkNodes nodes, or tests one (the Test API).")
{
    ToolCommands.List(),
    ToolCommands.Test(),

    // The studio command (issue 16) is added here, as a method of ToolCommands.
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

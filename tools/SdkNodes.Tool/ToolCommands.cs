using System.CommandLine;
using SdkNodes;

namespace SdkNodes.Tool;

/// <summary>
/// The tool's commands, one method each, built on <see cref="NodeCommandLine"/>'s list and test
/// with the tool's own argument (the assembly whose nodes they work on) and options. A command
/// that needs the assembly or a base address takes <see cref="AssemblyArgument"/> and
/// <see cref="BaseAddressOption"/>, so each is defined and checked in one place.
/// </summary>
internal static class ToolCommands
{
    /// <summary><c>sdknodes list &lt;assembly.dll&gt;</c></summary>
    public static Command List()
    {
        Argument<string> assembly = AssemblyArgument();
        return NodeCommandLine.CreateListCommand(parseResult => Target(parseResult.GetRequiredValue(assembly), baseAddress: null), assembly);
    }

    /// <summary><c>sdknodes test &lt;assembly.dll&gt; &lt;node&gt; [--set name=value]… [--save-body FILE] [--base-address URL] [--json]</c></summary>
    public static Command Test()
    {
        Argument<string> assembly = AssemblyArgument();
        Option<Uri?> baseAddress = BaseAddressOption();
        Command test = NodeCommandLine.CreateTestCommand(parseResult => Target(parseResult.GetRequiredValue(assembly), parseResult.GetValue(baseAddress)), assembly);
        test.Add(baseAddress);
        return test;
    }

    /// <summary><c>sdknodes studio &lt;assembly.dll&gt; [--port N] [--base-address URL] [--history FILE.db|CONNECTION]</c>: the Test API as a local web page.</summary>
    public static Command Studio()
    {
        Argument<string> assembly = AssemblyArgument();
        Option<Uri?> baseAddress = BaseAddressOption();
        var port = new Option<int>("--port")
        {
            HelpName = "N",
            Description = "The port on 127.0.0.1 to serve the page on; 0 (the default) picks a free one. The address is printed.",
        };
        port.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 65535)
            {
                result.AddError($"--port must be a port number from 0 to 65535 (0 picks a free one), not {value}.");
            }
        });
        var history = new Option<string?>("--history")
        {
            HelpName = "FILE.db|CONNECTION",
            Description = "A run history to show on the History page, and to add this session's tests to: a SQLite file, or a PostgreSQL database (a connection string with Host=..., or a postgres:// URL). Without it, this session's history is kept in memory.",
        };
        var studio = new Command("studio", "Serves a local web page (on 127.0.0.1) to test the assembly's nodes and read the run history.")
        {
            assembly,
            port,
            baseAddress,
            history,
        };
        studio.SetAction((parseResult, _) => SdkNodes.Tool.Studio.StudioCommand.RunAsync(
            new SdkNodes.Tool.Studio.StudioSettings(parseResult.GetRequiredValue(assembly), parseResult.GetValue(port), parseResult.GetValue(baseAddress), parseResult.GetValue(history)),
            parseResult.InvocationConfiguration.Output));
        return studio;
    }

    /// <summary><c>&lt;assembly.dll&gt;</c>: a built assembly with SdkNodes nodes; a path that is no file is a parse error.</summary>
    public static Argument<string> AssemblyArgument()
    {
        var assembly = new Argument<string>("assembly.dll") { Description = "The built assembly whose nodes to use (its dependencies are read from its .deps.json)." };
        assembly.Validators.Add(result =>
        {
            string path = result.GetValueOrDefault<string>();
            if (!File.Exists(path))
            {
                result.AddError($"No assembly at '{path}'.");
            }
        });
        return assembly;
    }

    /// <summary><c>--base-address URL</c>: an absolute address the nodes' relative templates are sent to.</summary>
    public static Option<Uri?> BaseAddressOption() => new("--base-address")
    {
        HelpName = "URL",
        Description = "The absolute address a node's relative URI template is sent to, such as http://127.0.0.1:5000/.",
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? address))
            {
                return address;
            }

            result.AddError($"--base-address needs an absolute address, such as http://127.0.0.1:5000/, not '{text}'.");
            return null;
        },
    };

    // The assembly's nodes and a runtime of their own, disposed with the target.
    private static NodeCommandTarget Target(string assembly, Uri? baseAddress)
    {
        IReadOnlyList<NodeDescriptor> nodes = NodeAssembly.Load(assembly);
        var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = baseAddress });
        return new NodeCommandTarget(nodes, runtime, ownsRuntime: true);
    }
}

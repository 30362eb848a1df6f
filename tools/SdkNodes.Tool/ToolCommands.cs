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

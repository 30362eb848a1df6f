using BenchmarkDotNet.Running;
using SdkNodes.Benchmarks.Probes;

// "probe ..." runs the quick interleaved measurements (Probes/ProbeCommand.cs); anything else
// goes to BenchmarkDotNet (--filter ...). docs/benchmarks.md has the commands and the figures.
if (args.Length > 0 && args[0] == "probe")
{
    return await ProbeCommand.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

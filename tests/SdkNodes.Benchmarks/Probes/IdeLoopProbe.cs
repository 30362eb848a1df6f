using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SdkNodes.Benchmarks.Generator;

namespace SdkNodes.Benchmarks.Probes;

/// <summary>
/// The IDE-loop measurements of <see cref="IdeLoopBenchmarks"/>, interleaved: each round runs
/// every row for SdkNodes and then for Refit, so a noisy neighbour on the shared machine
/// shifts both sides of a ratio alike. Prints the median time per row and the ratio.
/// </summary>
internal static class IdeLoopProbe
{
    private static readonly string[] s_rows =
    [
        "(a) cold: generator", "(a) cold: generator + compile",
        "(b) unrelated edit: generator", "(b) unrelated edit: generator + compile",
        "(c) template edit: generator", "(c) template edit: generator + compile",
    ];

    public static void Run(int nodes, int rounds)
    {
        var sdk = new Side(new IdeCorpus("SdkNodes", nodes));
        var refit = new Side(new IdeCorpus("Refit", nodes));
        for (int round = 0; round < rounds + 1; round++)
        {
            bool warmUp = round == 0;
            sdk.RunRound(warmUp);
            refit.RunRound(warmUp);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{nodes} nodes, {rounds} rounds, median ms: SdkNodes / Refit = ratio"));
        for (int row = 0; row < s_rows.Length; row++)
        {
            double a = sdk.Median(row), b = refit.Median(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s_rows[row],-42} {a,8:F1} {b,8:F1}  {a / b,5:F2}x"));
        }
    }

    private sealed class Side(IdeCorpus corpus)
    {
        private readonly List<double>[] _times = [.. s_rows.Select(_ => new List<double>())];
        private GeneratorDriver _driver = corpus.Verify().Driver;

        public void RunRound(bool warmUp)
        {
            Time(0, warmUp, () => corpus.NewDriver().RunGenerators(corpus.EditUnrelated()));
            Time(1, warmUp, () =>
            {
                corpus.NewDriver().RunGeneratorsAndUpdateCompilation(corpus.EditUnrelated(), out Compilation output, out _);
                _ = output.GetDiagnostics();
            });
            Time(2, warmUp, () => _driver = _driver.RunGenerators(corpus.EditUnrelated()));
            Time(3, warmUp, () =>
            {
                _driver = _driver.RunGeneratorsAndUpdateCompilation(corpus.EditUnrelated(), out Compilation output, out _);
                _ = output.GetDiagnostics();
            });
            Time(4, warmUp, () => _driver = _driver.RunGenerators(corpus.EditTemplate()));
            Time(5, warmUp, () =>
            {
                _driver = _driver.RunGeneratorsAndUpdateCompilation(corpus.EditTemplate(), out Compilation output, out _);
                _ = output.GetDiagnostics();
            });
        }

        public double Median(int row)
        {
            List<double> sorted = [.. _times[row].Order()];
            return sorted[sorted.Count / 2];
        }

        private void Time(int row, bool warmUp, Action action)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            if (!warmUp)
            {
                _times[row].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
    }
}

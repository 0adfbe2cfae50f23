using Xunit;

namespace Parley.Tests;

/// <summary>
/// Where the shared training and evaluation data lives (../shared/data from the repository root,
/// or PARLEY_DATA). Tests that need it skip with a message when it is absent.
/// </summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataDirectory =>
        Environment.GetEnvironmentVariable("PARLEY_DATA") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string SeedPath => Path.Combine(DataDirectory, "seed", "000_53c4489924289c88.txt");

    /// <summary>The path of a shared data file, or a skip when the data folder is not on this machine.</summary>
    public static string Require(params string[] parts)
    {
        string path = Path.Combine([DataDirectory, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path),
            $"shared data not found at {path}: put the data folder at ../shared/data or set PARLEY_DATA");
        return path;
    }

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);

    public static string Spec(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Specs", .. parts]);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Parley.slnx) above " + AppContext.BaseDirectory);
    }
}

using Parley.Intake;

namespace Parley.Cli;

/// <summary>Turns command-line paths (files, directories, "-") into inputs, lazily and in a stable order.</summary>
internal static class InputExpander
{
    private static readonly string[] DocumentExtensions = [".txt", ".text", ".htm", ".html", ".xhtml", ".gz"];

    /// <summary>Each path's inputs; a path that cannot be read yields a failure instead.</summary>
    public static IEnumerable<(string Id, Func<DocumentInput> Load)> Expand(IEnumerable<string> paths, CliContext context, IntakeOptions options)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return ("-", () => DocumentInput.FromStream("-", context.Stdin(), options));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in FilesUnder(path))
                {
                    yield return (file, () => DocumentInput.FromFile(file, options));
                }
            }
            else
            {
                yield return (path, () => DocumentInput.FromFile(path, options));
            }
        }
    }

    private static IEnumerable<string> FilesUnder(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(directory, "*", options)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Where(f => DocumentExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
    }
}

namespace Parley.Cli;

internal static class CliArguments
{
    /// <summary>
    /// A misspelt option would otherwise be taken for a file name and reported as a missing file;
    /// treat it as the usage error it is. A file really named "-x" can be given as "./-x".
    /// </summary>
    public static void RejectOptionLikePaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path.Length > 1 && path[0] == '-')
            {
                throw new ParleyException(ErrorCode.Usage, $"unknown option '{path}' (a file whose name starts with '-' can be given as ./{path})");
            }
        }
    }
}

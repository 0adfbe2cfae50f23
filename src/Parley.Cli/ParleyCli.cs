using System.CommandLine;

namespace Parley.Cli;

/// <summary>The `parley` command: one program, a verb per job. Data goes to stdout, diagnostics to stderr.</summary>
public static class ParleyCli
{
    public const int ExitOk = 0;
    public const int ExitSomeFailed = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        // Progress bars only when stderr is the real console and a terminal; tests and pipes get plain lines.
        var context = new CliContext(stdout, stderr, stdin) { ErrorIsTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected };
        var root = new RootCommand("Parley reads world-news reports and says who said what, who did what to whom, where and when.");
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"parley: {error.Message}");
            }

            stderr.WriteLine("Run 'parley --help' for usage.");
            return ExitUsage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (ParleyException e)
        {
            stderr.WriteLine($"parley: {e.Message}");
            return e.Code == ErrorCode.Usage ? ExitUsage : ExitSomeFailed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace for users: one line, and the type to report it by.
            stderr.WriteLine($"parley: internal error ({e.GetType().Name}): {e.Message}");
            return ExitSomeFailed;
        }
    }

    private static IEnumerable<Command> Commands(CliContext context)
    {
        yield return AnalyzeCommand.Create(context);
        yield return TrainCommand.Create(context);
        yield return EventsCommand.Create(context);
        yield return IngestCommand.Create(context);
        yield return SearchCommand.Create(context);
        yield return ServeCommand.Create(context);
        yield return EvalCommand.Create(context);
        yield return ExportCommand.Create(context);
    }
}

/// <summary>What every command writes to and reads from; replaced by buffers in tests.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> Stdin)
{
    /// <summary>True when diagnostics go to an interactive terminal (progress bars may draw).</summary>
    public bool ErrorIsTerminal { get; init; }
}

using System.CommandLine;
using System.Text.Json;
using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;

namespace Parley.Cli;

/// <summary>`parley analyze PATH...`: read, repair and analyse reports; print them for people or programs.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, directories or - for standard input", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output: text (for people), json, jsonl, conllu (CoNLL-U: one line per word with tags, lemma and dependency)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(OutputFormats.All);
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest input accepted, in bytes", DefaultValueFactory = _ => IntakeOptions.Default.MaxInputBytes };
        var actors = new Option<string?>("--actors") { Description = "A PETRARCH/Phoenix actor dictionary (file or folder of *.actors.txt) for resolving people to dated CAMEO roles" };
        var command = new Command("analyze", "Analyse news reports: text, structure, repairs and every layer the pipeline fills") { paths, format, maxBytes, actors };
        command.SetAction(parsed =>
        {
            CliArguments.RejectOptionLikePaths(parsed.GetValue(paths)!);
            var options = new IntakeOptions { MaxInputBytes = parsed.GetValue(maxBytes) };
            var dictionary = parsed.GetValue(actors) is { } actorPath ? Parley.Entities.ActorDictionary.Load(actorPath) : null;
            var pipeline = ParleyPipelines.CreateDefault(options, actorDictionary: dictionary);
            return Run(context, pipeline, parsed.GetValue(paths)!, parsed.GetValue(format)!, options);
        });
        return command;
    }

    internal static int Run(CliContext context, DocumentPipeline pipeline, string[] paths, string format, IntakeOptions options)
    {
        int failed = 0;
        using var writer = OutputFormats.CreateWriter(format, context.Out);
        foreach (var (id, load) in InputExpander.Expand(paths, context, options))
        {
            NewsDocument document;
            try
            {
                document = pipeline.Process(load());
            }
            catch (ParleyException e)
            {
                failed++;
                context.Error.WriteLine($"parley: {id}: {e.Message}");
                continue;
            }

            writer.Write(document);
        }

        return failed == 0 ? ParleyCli.ExitOk : ParleyCli.ExitSomeFailed;
    }
}

/// <summary>Writes documents in one of the output formats, streaming so that many inputs need little memory.</summary>
internal abstract class DocumentWriter : IDisposable
{
    public abstract void Write(NewsDocument document);

    public virtual void Dispose()
    {
    }
}

internal static class OutputFormats
{
    public static readonly string[] All = ["text", "json", "jsonl", "conllu"];

    public static DocumentWriter CreateWriter(string format, TextWriter output) => format switch
    {
        "json" => new JsonArrayWriter(output),
        "jsonl" => new JsonLinesWriter(output),
        "conllu" => new ConlluDocumentWriter(output),
        _ => new TextViewWriter(output),
    };

    /// <summary>CoNLL-U: each document starts with "# newdoc id = ..."; sentence ids are the document id and a number.</summary>
    private sealed class ConlluDocumentWriter(TextWriter output) : DocumentWriter
    {
        public override void Write(NewsDocument document)
        {
            var sentences = Parley.Nlp.Conllu.DocumentConllu.ToSentences(document);
            Parley.Nlp.Conllu.ConlluWriter.Write(output, sentences, document.Metadata.Source ?? document.ContentHash);
            output.Flush();
        }
    }

    private sealed class JsonLinesWriter(TextWriter output) : DocumentWriter
    {
        public override void Write(NewsDocument document) => output.WriteLine(DocumentJson.Serialize(document));
    }

    /// <summary>One document prints as one JSON object; several as a JSON array.</summary>
    private sealed class JsonArrayWriter(TextWriter output) : DocumentWriter
    {
        private NewsDocument? _pending;
        private int _count;

        public override void Write(NewsDocument document)
        {
            if (_pending is not null)
            {
                output.Write(_count == 1 ? "[\n" : ",\n");
                output.Write(DocumentJson.Serialize(_pending, indented: true));
            }

            _pending = document;
            _count++;
        }

        public override void Dispose()
        {
            if (_pending is null)
            {
                return;
            }

            if (_count == 1)
            {
                output.WriteLine(DocumentJson.Serialize(_pending, indented: true));
            }
            else
            {
                output.Write(",\n");
                output.Write(DocumentJson.Serialize(_pending, indented: true));
                output.WriteLine("\n]");
            }

            output.Flush();
        }
    }
}

using System.CommandLine;
using Parley.Nlp;

namespace Parley.Cli;

/// <summary>`parley train KIND`: `nlp` builds the NLP model from a UD treebank; `ner` the entity recogniser.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("train", "Train Parley's models from annotated data");
        var data = new Option<string>("--data") { Description = "The UD treebank folder (with *-ud-train.conllu and *-ud-dev.conllu)", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder (or file) for the model", DefaultValueFactory = _ => "models" };
        var only = new Option<string[]>("--only") { Description = "Train only these components: tokenizer, tagger, lemmatizer, parser", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var folds = new Option<int>("--folds") { Description = "Folds for the jack-knifed tags the parser learns from (1 = gold tags)", DefaultValueFactory = _ => 5 };
        var parserEpochs = new Option<int>("--parser-epochs") { Description = "Most parser training epochs", DefaultValueFactory = _ => 12 };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Most tagger training epochs", DefaultValueFactory = _ => 12 };
        var nlp = new Command("nlp", "Tokenizer, sentence splitter, tagger, lemmatizer and parser from a UD treebank") { data, output, only, seed, folds, parserEpochs, taggerEpochs };
        nlp.SetAction(parsed =>
        {
            string target = parsed.GetValue(output)!;
            string path = Directory.Exists(target) || target.EndsWith('/') || !Path.HasExtension(target)
                ? Path.Combine(target, NlpModel.DefaultFileName)
                : target;
            var options = new NlpTrainingOptions
            {
                Only = new HashSet<string>(parsed.GetValue(only) ?? [], StringComparer.OrdinalIgnoreCase),
                Seed = parsed.GetValue(seed),
                Folds = parsed.GetValue(folds),
                ParserEpochs = parsed.GetValue(parserEpochs),
                TaggerEpochs = parsed.GetValue(taggerEpochs),
            };
            try
            {
                NlpTrainer.Train(parsed.GetValue(data)!, path, options, context.Error);
            }
            catch (ParleyException e)
            {
                context.Error.WriteLine($"parley: {e.Message}");
                return ParleyCli.ExitSomeFailed;
            }

            return ParleyCli.ExitOk;
        });
        command.Subcommands.Add(nlp);
        command.Subcommands.Add(EntityCommands.CreateTrain(context));
        return command;
    }
}

using Parley.Cli;

return ParleyCli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput);

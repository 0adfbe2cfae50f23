using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Parley.Web;

namespace Parley.Cli;

/// <summary>`parley serve`: the analyst's workspace (pages and JSON API) over a store, on loopback by default.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOption.Create();
        var urls = new Option<string>("--urls") { Description = "Where to listen (bind another address than 127.0.0.1 only on purpose)", DefaultValueFactory = _ => WorkspaceOptions.DefaultUrl };
        var apiKey = new Option<string?>("--api-key") { Description = "Key that POST /api/articles requires in X-Api-Key (also PARLEY_API_KEY); without one, writing is off" };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Largest request body accepted", DefaultValueFactory = _ => 4 * 1024 * 1024 };
        var command = new Command("serve", "Serve the workspace: search, articles, speakers, entities, and the JSON API (/openapi/v1.json)") { store, urls, apiKey, maxBody };
        command.SetAction(parsed => StoreOption.With(context, parsed.GetValue(store)!, s =>
        {
            string? key = parsed.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("PARLEY_API_KEY");
            var app = WorkspaceApp.Create(new WorkspaceOptions
            {
                Store = s,
                Urls = parsed.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ApiKey = string.IsNullOrEmpty(key) ? null : key,
                MaxRequestBodyBytes = parsed.GetValue(maxBody),
            });
            app.Start();
            context.Error.WriteLine($"parley: serving {s.Location} ({s.CountDocuments()} documents) at {string.Join(", ", app.Urls)}; writing {(key is null ? "off" : "on (X-Api-Key)")}; Ctrl+C stops");
            app.WaitForShutdown();
            return ParleyCli.ExitOk;
        }));
        return command;
    }
}

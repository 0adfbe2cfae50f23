using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Pipeline;
using Parley.Storage;

namespace Parley.Web;

/// <summary>How the workspace server runs.</summary>
public sealed class WorkspaceOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public required IDocumentStore Store { get; init; }

    /// <summary>Addresses to listen on; loopback unless the user names another.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Key that write endpoints require in the X-Api-Key header; null disables writing.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body accepted (a posted article).</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest request line (path and query string).</summary>
    public int MaxRequestLineBytes { get; init; } = 4096;

    /// <summary>Send a Content-Security-Policy that forbids inline script. Tests turn it off to show escaping alone suffices.</summary>
    public bool ContentSecurityPolicy { get; init; } = true;

    /// <summary>The pipeline posted articles go through.</summary>
    public Func<DocumentPipeline> Pipeline { get; init; } = () => ParleyPipelines.CreateDefault();

    /// <summary>Log level for ASP.NET's own messages.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Listen on a free loopback port (tests).</summary>
    public bool AnyLoopbackPort { get; init; }
}

/// <summary>The analyst's workspace: JSON API (described at /openapi/v1.json) and HTML pages over one store.</summary>
public static class WorkspaceApp
{
    public const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication Create(WorkspaceOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Parley.Web" });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = options.MaxRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            if (options.AnyLoopbackPort)
            {
                k.Listen(IPAddress.Loopback, 0);
            }
        });
        if (!options.AnyLoopbackPort)
        {
            builder.WebHost.UseUrls([.. options.Urls]);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Store);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Parley workspace API";
            doc.Info.Description = "Stored news reports, their quotes and entities, and full-text search. Every list is paged (page, pageSize ≤ 100).";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            j.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleError, StatusCodeSelector = _ => 500 });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (options.ContentSecurityPolicy)
            {
                headers.ContentSecurityPolicy = Csp;
            }

            await next(context);
        });
        app.MapOpenApi();
        app.MapGet("/assets/{**path}", ServeAsset).ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription();
        WorkspaceApi.Map(app);
        WorkspacePages.Map(app);
        return app;
    }

    /// <summary>The address a started app listens on (for tests that asked for any free port).</summary>
    public static string Address(WebApplication app) => app.Urls.First();

    /// <summary>
    /// Maps errors to answers: a bad query or argument is the caller's (400, with the reason), a missing
    /// record is 404, anything else 500 with no internals (no SQL, no stack) in the answer.
    /// </summary>
    private static async Task HandleError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = error switch
        {
            ParleyException { Code: ErrorCode.BadQuery or ErrorCode.Usage or ErrorCode.MalformedInput or ErrorCode.EmptyInput or ErrorCode.BinaryInput or ErrorCode.UndecodableText } p
                => (400, Errors.Title(p.Code), p.Message),
            ParleyException { Code: ErrorCode.InputTooLarge } p => (413, Errors.Title(p.Code), p.Message),
            ParleyException { Code: ErrorCode.NotFound } p => (404, Errors.Title(p.Code), p.Message),
            BadHttpRequestException b => (b.StatusCode, "bad request", b.Message),
            _ => (500, "internal error", "the server failed to answer; the error is logged"),
        };
        if (status == 500)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Web").LogError(error, "request failed: {Path}", context.Request.Path);
        }

        context.Response.StatusCode = status;
        if (WorkspacePages.WantsHtml(context))
        {
            await WorkspacePages.WriteErrorPage(context, status, title, detail);
            return;
        }

        await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }

    private static readonly Assembly Self = typeof(WorkspaceApp).Assembly;

    private static IResult ServeAsset(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var stream = Self.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null)
        {
            return Results.NotFound();
        }

        string type = Path.GetExtension(path) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".md" or ".txt" => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }
}

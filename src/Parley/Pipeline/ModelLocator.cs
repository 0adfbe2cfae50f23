namespace Parley.Pipeline;

/// <summary>
/// Finds Parley's model files: in the folder named by PARLEY_MODELS, else in a models/ folder beside the program
/// or in one of its parent folders (the repository's models/ when run from a build), else in ./models.
/// </summary>
public static class ModelLocator
{
    public static string? Find(string fileName)
    {
        if (Environment.GetEnvironmentVariable("PARLEY_MODELS") is { Length: > 0 } env)
        {
            string candidate = Path.Combine(env, fileName);
            return File.Exists(candidate) ? candidate : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string local = Path.Combine(Environment.CurrentDirectory, "models", fileName);
        return File.Exists(local) ? local : null;
    }
}

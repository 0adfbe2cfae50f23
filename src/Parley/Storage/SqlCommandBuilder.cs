using System.Data.Common;
using System.Text;

namespace Parley.Storage;

/// <summary>Builds one SQL command with numbered parameters; user values only ever travel as parameters.</summary>
internal sealed class SqlCommandBuilder
{
    private readonly List<(string Name, object Value)> _parameters = [];

    public StringBuilder Sql { get; } = new();

    /// <summary>
    /// Adds a parameter and returns its placeholder ("@p3"). A null becomes the literal NULL, so that
    /// PostgreSQL types it from the column it goes into rather than guessing text.
    /// </summary>
    public string Param(object? value)
    {
        if (value is null)
        {
            return "NULL";
        }

        string name = "@p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    public SqlCommandBuilder Append(string sql)
    {
        Sql.Append(sql);
        return this;
    }

    public DbCommand Create(DbConnection connection, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql.ToString();
        foreach (var (name, value) in _parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }
}

/// <summary>Reading helpers that tolerate each provider's integer widths.</summary>
internal static class Rows
{
    public static long Long(this DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static long? NullableLong(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Long(i);

    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static double Dbl(this DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RelanceBot.Persistence.PostgreSqlCopy;

/// <summary>
/// A reference of one row that <see cref="CopyOrder"/> deferred: taken off the row before it is copied, written back
/// once the row it points to is there.
/// </summary>
internal sealed class ReferenceFixup
{
    private readonly IForeignKey _reference;
    private readonly object[] _key;
    private readonly object[] _values;

    private ReferenceFixup(IForeignKey reference, object[] key, object[] values)
    {
        _reference = reference;
        _key = key;
        _values = values;
    }

    /// <summary>Empties <paramref name="reference"/>'s columns in <paramref name="row"/>; null when it referenced nothing.</summary>
    public static ReferenceFixup? Take(IForeignKey reference, object row)
    {
        var values = reference.Properties.Select(property => ProviderValue(property, row)).ToArray();
        if (values.Any(value => value is null))
        {
            return null;
        }

        foreach (var property in reference.Properties)
        {
            if (property.PropertyInfo?.SetMethod is { } setter)
            {
                setter.Invoke(row, [null]);
            }
            else
            {
                (property.FieldInfo ?? throw new InvalidOperationException($"{property.Name} can be neither set nor left empty.")).SetValue(row, null);
            }
        }

        var key = reference.DeclaringEntityType.FindPrimaryKey()!.Properties.Select(property => ProviderValue(property, row)!).ToArray();
        return new ReferenceFixup(reference, key, values!);
    }

    public Task ApplyAsync(DbContext target, CancellationToken cancellationToken)
    {
        var table = _reference.DeclaringEntityType;
        var keyColumns = table.FindPrimaryKey()!.Properties;
        // {n} placeholders: EF turns each value into a parameter.
        var set = string.Join(", ", _reference.Properties.Select((property, index) => $"{Column(target, property)} = {{{index}}}"));
        var where = string.Join(" AND ", keyColumns.Select((property, index) => $"{Column(target, property)} = {{{_values.Length + index}}}"));
        var sql = $"UPDATE {SqliteToPostgreSqlCopy.Table(target, table)} SET {set} WHERE {where}";
        return target.Database.ExecuteSqlRawAsync(sql, [.. _values, .. _key], cancellationToken);
    }

    private static string Column(DbContext target, IProperty property) => SqliteToPostgreSqlCopy.Delimit(target, property.GetColumnName());

    private static object? ProviderValue(IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
        return value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

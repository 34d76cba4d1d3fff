using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>One column of a <see cref="BulkInsert"/>: where its value comes from and how EF converts it for the store.</summary>
internal sealed class BulkColumn(IProperty property, StoreObjectIdentifier table)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();
    private readonly RelationalTypeMapping _mapping = (RelationalTypeMapping)property.GetTypeMapping();

    public string Name { get; } = property.GetColumnName(table)!;

    /// <summary>The value as the provider receives it: after the property's value converter, <c>null</c> for none.</summary>
    public object? ProviderValue(object entity)
    {
        var value = _getter.GetClrValueUsingContainingEntity(entity);
        return value is null ? null : _mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    public DbParameter Parameter(DbCommand command, string name, object entity) =>
        _mapping.CreateParameter(command, name, _getter.GetClrValueUsingContainingEntity(entity), property.IsNullable);

    /// <summary>Gives a parameter from <see cref="Parameter"/> the value of another entity.</summary>
    public void Rebind(DbParameter parameter, object entity) => parameter.Value = ProviderValue(entity) ?? DBNull.Value;
}

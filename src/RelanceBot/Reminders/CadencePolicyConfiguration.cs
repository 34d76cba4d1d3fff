using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Reminders;

internal sealed class CadencePolicyConfiguration : IEntityTypeConfiguration<CadencePolicy>
{
    // Steps and windows are always read and written with their policy, so a JSON text column is enough.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<CadencePolicy> builder)
    {
        builder.ToTable("CadencePolicies");
        builder.HasKey(policy => policy.PracticeId);
        builder.Property(policy => policy.Steps).HasConversion(JsonList<CadenceStep>(), ListComparer<CadenceStep>()).IsRequired();
        builder.Property(policy => policy.ContactWindows)
            .HasConversion(JsonList<WeeklyContactWindow>(), ListComparer<WeeklyContactWindow>()).IsRequired();
        builder.Property(policy => policy.TimeZoneId).HasMaxLength(100).IsRequired();
        builder.HasOne<Practice>().WithOne().HasForeignKey<CadencePolicy>(policy => policy.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }

    private static ValueConverter<IReadOnlyList<T>, string> JsonList<T>() => new(
        list => JsonSerializer.Serialize(list, Json),
        text => JsonSerializer.Deserialize<List<T>>(text, Json) ?? new List<T>());

    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (left, right) => left!.SequenceEqual(right!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Documents;

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("StoredDocuments");
        builder.HasKey(document => document.Id);
        builder.Property(document => document.Id).ValueGeneratedNever();
        builder.Property(document => document.FileName).HasMaxLength(200).IsRequired();
        builder.Property(document => document.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(document => document.Content).IsRequired();
        builder.Property(document => document.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasOne<Practice>().WithMany().HasForeignKey(document => document.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

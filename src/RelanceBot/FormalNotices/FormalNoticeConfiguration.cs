using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Documents;
using RelanceBot.Invoices;

namespace RelanceBot.FormalNotices;

internal sealed class FormalNoticeConfiguration : IEntityTypeConfiguration<FormalNotice>
{
    public void Configure(EntityTypeBuilder<FormalNotice> builder)
    {
        builder.ToTable("FormalNotices");
        builder.HasKey(notice => notice.Id);
        builder.Property(notice => notice.Id).ValueGeneratedNever();
        builder.Property(notice => notice.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(notice => notice.SentChannel).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(notice => notice.InvoiceId);
        builder.HasIndex(notice => notice.DocumentId).IsUnique();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(notice => notice.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(notice => notice.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Conversations;

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationState>
{
    public void Configure(EntityTypeBuilder<ConversationState> builder)
    {
        builder.ToTable("ConversationStates");
        builder.HasKey(state => state.ConversationReferenceId);
        builder.Property(state => state.ConversationReferenceId).ValueGeneratedNever();
        builder.Property(state => state.DialogStackJson).IsRequired();
        builder.Property(state => state.Version).IsConcurrencyToken();
        builder.HasOne<ConversationReferenceRecord>().WithOne()
            .HasForeignKey<ConversationState>(state => state.ConversationReferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Practice>().WithMany().HasForeignKey(state => state.PracticeId).OnDelete(DeleteBehavior.SetNull);
    }
}

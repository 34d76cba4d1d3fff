using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FilteredNullableIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderStepRuns_AlertId",
                table: "ReminderStepRuns");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_LeaseOwner",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_OriginalMessageId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_ConversationLinkTokens_UsedByConversationReferenceId",
                table: "ConversationLinkTokens");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderStepRuns_AlertId",
                table: "ReminderStepRuns",
                column: "AlertId",
                filter: "\"AlertId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_LeaseOwner",
                table: "OutboxMessages",
                column: "LeaseOwner",
                filter: "\"LeaseOwner\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OriginalMessageId",
                table: "OutboxMessages",
                column: "OriginalMessageId",
                filter: "\"OriginalMessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationLinkTokens_UsedByConversationReferenceId",
                table: "ConversationLinkTokens",
                column: "UsedByConversationReferenceId",
                filter: "\"UsedByConversationReferenceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderStepRuns_AlertId",
                table: "ReminderStepRuns");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_LeaseOwner",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_OriginalMessageId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_ConversationLinkTokens_UsedByConversationReferenceId",
                table: "ConversationLinkTokens");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderStepRuns_AlertId",
                table: "ReminderStepRuns",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_LeaseOwner",
                table: "OutboxMessages",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OriginalMessageId",
                table: "OutboxMessages",
                column: "OriginalMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationLinkTokens_UsedByConversationReferenceId",
                table: "ConversationLinkTokens",
                column: "UsedByConversationReferenceId");
        }
    }
}

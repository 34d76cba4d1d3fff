using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringDueReminderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderSchedules_NextReminderAt",
                table: "ReminderSchedules");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSchedules_NextReminderAt_InvoiceId",
                table: "ReminderSchedules",
                columns: new[] { "NextReminderAt", "InvoiceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderSchedules_NextReminderAt_InvoiceId",
                table: "ReminderSchedules");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSchedules_NextReminderAt",
                table: "ReminderSchedules",
                column: "NextReminderAt");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoiceReminderHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemindersPauseReason",
                table: "Invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemindersPausedUntil",
                table: "Invoices",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemindersPauseReason",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RemindersPausedUntil",
                table: "Invoices");
        }
    }
}

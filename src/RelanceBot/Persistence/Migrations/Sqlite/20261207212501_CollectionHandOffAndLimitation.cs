using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionHandOffAndLimitation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AcknowledgedOn",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandedOverAt",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            // A hand-off proposal now needs the practitioner's decision: those still open can be approved.
            migrationBuilder.Sql(
                "UPDATE \"StaffAlerts\" SET \"RequiresDecision\" = 1 WHERE \"Kind\" = 'CollectionHandOff' AND \"Status\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcknowledgedOn",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "Invoices");
        }
    }
}

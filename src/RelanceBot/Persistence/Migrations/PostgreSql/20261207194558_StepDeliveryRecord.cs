using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StepDeliveryRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SentAt",
                table: "ReminderStepRuns",
                newName: "QueuedAt");

            migrationBuilder.RenameIndex(
                name: "IX_ReminderStepRuns_PatientId_SentAt",
                table: "ReminderStepRuns",
                newName: "IX_ReminderStepRuns_PatientId_QueuedAt");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "ReminderStepRuns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryError",
                table: "ReminderStepRuns",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinimumStepGapDays",
                table: "CadencePolicies",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            // Rows from before: their message was only known to be queued; they keep counting as sent.
            migrationBuilder.Sql(
                "UPDATE \"ReminderStepRuns\" SET \"DeliveredAt\" = \"QueuedAt\" WHERE \"Outcome\" = 'Sent'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "ReminderStepRuns");

            migrationBuilder.DropColumn(
                name: "DeliveryError",
                table: "ReminderStepRuns");

            migrationBuilder.DropColumn(
                name: "MinimumStepGapDays",
                table: "CadencePolicies");

            migrationBuilder.RenameColumn(
                name: "QueuedAt",
                table: "ReminderStepRuns",
                newName: "SentAt");

            migrationBuilder.RenameIndex(
                name: "IX_ReminderStepRuns_PatientId_QueuedAt",
                table: "ReminderStepRuns",
                newName: "IX_ReminderStepRuns_PatientId_SentAt");
        }
    }
}

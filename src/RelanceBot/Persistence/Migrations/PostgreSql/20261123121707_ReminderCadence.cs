using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReminderCadence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CadencePolicies",
                columns: table => new
                {
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    ContactWindows = table.Column<string>(type: "text", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IncludeAlsaceMoselleHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    MaxUnsolicitedContacts = table.Column<int>(type: "integer", nullable: false),
                    QuotaPeriodDays = table.Column<int>(type: "integer", nullable: false),
                    LegalMinimumCents = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadencePolicies", x => x.PracticeId);
                    table.ForeignKey(
                        name: "FK_CadencePolicies_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSchedules",
                columns: table => new
                {
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NextReminderAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSchedules", x => x.InvoiceId);
                    table.ForeignKey(
                        name: "FK_ReminderSchedules_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderStepRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    StepName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderStepRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderStepRuns_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderStepRuns_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSchedules_NextReminderAt",
                table: "ReminderSchedules",
                column: "NextReminderAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSchedules_PracticeId",
                table: "ReminderSchedules",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderStepRuns_AlertId",
                table: "ReminderStepRuns",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderStepRuns_InvoiceId_StepName",
                table: "ReminderStepRuns",
                columns: new[] { "InvoiceId", "StepName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderStepRuns_PatientId_SentAt",
                table: "ReminderStepRuns",
                columns: new[] { "PatientId", "SentAt" });

            // Invoices that predate the cadence are due for planning at the first sweep.
            migrationBuilder.Sql(
                """INSERT INTO "ReminderSchedules" ("InvoiceId", "PracticeId", "NextReminderAt") SELECT "Id", "PracticeId", TIMESTAMPTZ '2000-01-01 00:00:00Z' FROM "Invoices";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CadencePolicies");

            migrationBuilder.DropTable(
                name: "ReminderSchedules");

            migrationBuilder.DropTable(
                name: "ReminderStepRuns");
        }
    }
}

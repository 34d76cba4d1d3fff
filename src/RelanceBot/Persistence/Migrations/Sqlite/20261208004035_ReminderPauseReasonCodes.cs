using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderPauseReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Pauses recorded as sentences (French or English) become the codes ReminderPauseReason names.
            migrationBuilder.Sql(
                """
                UPDATE "Invoices" SET "RemindersPauseReason" = CASE
                    WHEN "RemindersPauseReason" = 'Installment plan awaiting approval' THEN 'PlanAwaitingApproval'
                    WHEN "RemindersPauseReason" = 'Payment deferred by the patient' THEN 'PaymentDeferred'
                    WHEN "RemindersPauseReason" LIKE 'Le patient indique avoir pay%' THEN 'PaymentClaimed'
                    WHEN "RemindersPauseReason" LIKE 'Le patient demande %' THEN 'CallBackRequested'
                    WHEN "RemindersPauseReason" LIKE 'Le patient fait part de difficult%' THEN 'Hardship'
                    ELSE 'Staff'
                END
                WHERE "RemindersPauseReason" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The codes stay: the column is text either way.
        }
    }
}

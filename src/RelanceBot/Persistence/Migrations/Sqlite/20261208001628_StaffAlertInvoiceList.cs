using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffAlertInvoiceList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvoiceIds",
                table: "StaffAlerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InvoiceIds",
                table: "StaffAlerts");
        }
    }
}

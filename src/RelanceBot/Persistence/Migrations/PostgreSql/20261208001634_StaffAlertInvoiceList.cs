using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StaffAlertInvoiceList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid[]>(
                name: "InvoiceIds",
                table: "StaffAlerts",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);
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

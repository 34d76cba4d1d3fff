using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityCheckThrottles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedIdentityAttempts",
                table: "ConversationStates");

            migrationBuilder.DropColumn(
                name: "IdentityLockedUntil",
                table: "ConversationStates");

            migrationBuilder.CreateTable(
                name: "IdentityCheckThrottles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityCheckThrottles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdentityCheckThrottles_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityCheckThrottles_PracticeId_Subject",
                table: "IdentityCheckThrottles",
                columns: new[] { "PracticeId", "Subject" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityCheckThrottles");

            migrationBuilder.AddColumn<int>(
                name: "FailedIdentityAttempts",
                table: "ConversationStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "IdentityLockedUntil",
                table: "ConversationStates",
                type: "TEXT",
                nullable: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    WindowStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "IdentityLockedUntil",
                table: "ConversationStates",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}

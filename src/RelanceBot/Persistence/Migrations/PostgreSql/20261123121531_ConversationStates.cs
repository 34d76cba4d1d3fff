using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelanceBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ConversationStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationStates",
                columns: table => new
                {
                    ConversationReferenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DialogStackJson = table.Column<string>(type: "text", nullable: false),
                    DialogExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: true),
                    FailedIdentityAttempts = table.Column<int>(type: "integer", nullable: false),
                    IdentityLockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationStates", x => x.ConversationReferenceId);
                    table.ForeignKey(
                        name: "FK_ConversationStates_ConversationReferences_ConversationRefer~",
                        column: x => x.ConversationReferenceId,
                        principalTable: "ConversationReferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationStates_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationStates_PracticeId",
                table: "ConversationStates",
                column: "PracticeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationStates");
        }
    }
}

using System.Text.Json;
using RelanceBot.Outbox;

namespace RelanceBot.Tests.Outbox;

public sealed class OutboxContentJsonTests
{
    private static readonly JsonSerializerOptions ReflectionBased = new(JsonSerializerDefaults.Web);

    private static readonly OutboxContent Content = new("Bonjour Jeanne, votre règlement de 42,00 € reste à faire.")
    {
        Subject = "Rappel « facture »",
        Actions = [new OutboxAction("Payer", "https://pay.relancebot.test/p/abc"), new OutboxAction("J'ai déjà payé", "already-paid")],
        EmailHtml = "<p>Bonjour</p>",
    };

    // Messages stored before the serializer was generated must read back, and new ones must read as before.
    [Fact]
    public void TheGeneratedSerializer_WritesWhatTheReflectionBasedOneWrote()
    {
        var generated = JsonSerializer.Serialize(Content, OutboxContentJson.Default.OutboxContent);

        generated.ShouldBe(JsonSerializer.Serialize(Content, ReflectionBased));
        var read = JsonSerializer.Deserialize(generated, OutboxContentJson.Default.OutboxContent)!;
        read.Text.ShouldBe(Content.Text);
        read.Subject.ShouldBe(Content.Subject);
        read.Actions.ShouldBe(Content.Actions);
        read.EmailHtml.ShouldBe(Content.EmailHtml);
    }
}

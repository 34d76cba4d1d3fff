using RelanceBot.Patients;

namespace RelanceBot.Tests.Patients;

public sealed class PatientTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WithPhoneAndEmail_OpensOneSmsAndOneEmailChannel()
    {
        var patient = Create(Details("+33612345678", "a@example.fr"));

        patient.Channels.Select(channel => (channel.Kind, channel.Address))
            .ShouldBe([(ChannelKind.Sms, "+33612345678"), (ChannelKind.Email, "a@example.fr")], ignoreOrder: true);
    }

    [Fact]
    public void OptOut_IsPerChannel_AndSurvivesAnUnchangedUpdate()
    {
        var patient = Create(Details("+33612345678", "a@example.fr"));
        var sms = patient.Channels.Single(channel => channel.Kind == ChannelKind.Sms);

        sms.OptOut("STOP", Now);
        patient.Update(Details("+33612345678", "a@example.fr"), Now.AddDays(1));

        sms.IsOptedOut.ShouldBeTrue();
        patient.Channels.Single(channel => channel.Kind == ChannelKind.Email).IsOptedOut.ShouldBeFalse();
    }

    [Fact]
    public void Update_WithANewPhoneNumber_ClearsTheOldNumbersOptOut()
    {
        var patient = Create(Details("+33612345678", null));
        patient.Channels.Single().OptOut("STOP", Now);

        patient.Update(Details("+33687654321", null), Now.AddDays(1));

        var sms = patient.Channels.ShouldHaveSingleItem();
        sms.Address.ShouldBe("+33687654321");
        sms.IsOptedOut.ShouldBeFalse();
    }

    [Fact]
    public void Update_WithoutEmail_ClosesTheEmailChannel()
    {
        var patient = Create(Details("+33612345678", "a@example.fr"));

        patient.Update(Details("+33612345678", null), Now.AddDays(1)).ShouldBeTrue();

        patient.Channels.ShouldHaveSingleItem().Kind.ShouldBe(ChannelKind.Sms);
    }

    [Fact]
    public void AddChatChannel_Twice_KeepsOneChannelWhichCanBePreferred()
    {
        var patient = Create(Details("+33612345678", null));
        var conversation = Guid.NewGuid();

        var chat = patient.AddChatChannel(conversation, Now);
        patient.AddChatChannel(conversation, Now).ShouldBeSameAs(chat);
        patient.Prefer(chat);

        patient.Channels.Count(channel => channel.Kind == ChannelKind.Chat).ShouldBe(1);
        patient.Channels.Single(channel => channel.IsPreferred).ShouldBeSameAs(chat);
    }

    private static Patient Create(PatientDetails details) => Patient.Create(Guid.NewGuid(), "P-1", details, Now);

    private static PatientDetails Details(string? phone, string? email) =>
        new("Jeanne", "Martin", new DateOnly(1980, 2, 3), phone, email, PatientLanguage.French, IsCssBeneficiary: false);
}

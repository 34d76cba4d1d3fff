using System.Globalization;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Practices;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// The conversation being answered in this turn (scoped): who it belongs to, its language, the clock, and the
/// message catalog. Flows read the patient only through it, so they only ever see this conversation's patient.
/// </summary>
public sealed class PatientSession(MessageCatalog messages, PatientFiles files, TimeProvider time)
{
    private ConversationReferenceRecord? _conversation;
    private ConversationState? _state;
    private PatientFile? _file;

    public ConversationReferenceRecord Conversation => _conversation ?? throw NotStarted();

    public ConversationState State => _state ?? throw NotStarted();

    /// <summary>The bound patient's recorded language, else the client's; <see cref="SpeakIn"/> follows the patient's writing.</summary>
    public BotLanguage Language { get; private set; }

    public void SpeakIn(BotLanguage language) => Language = language;

    /// <summary>Null until a link token or the identity check has bound the conversation to a patient.</summary>
    public Guid? PatientId => Conversation.PatientId;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <param name="language">The client's language (its locale), spoken until the conversation is bound to a patient.</param>
    public async Task BeginAsync(
        ConversationReferenceRecord conversation, ConversationState state, BotLanguage language, CancellationToken cancellationToken)
    {
        _conversation = conversation;
        _state = state;
        _file = null;
        var file = PatientId is null ? null : await FileAsync(cancellationToken);
        Language = BotLanguages.FromCode(file?.Language) ?? language;
        var zoneId = file?.TimeZoneId ?? Practice.DefaultTimeZoneId;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
    }

    /// <summary>The conversation was just bound to a patient: their file is read afresh.</summary>
    public void Bound() => _file = null;

    /// <summary>The bound patient's file, read once per turn.</summary>
    /// <exception cref="InvalidOperationException">The conversation is not bound to a patient.</exception>
    public async Task<PatientFile> FileAsync(CancellationToken cancellationToken)
        => _file ??= await files.LoadAsync(PatientId ?? throw new InvalidOperationException("The conversation has no patient."), cancellationToken);

    /// <summary>Today in the practice's time zone (Paris before the patient is known); set when the turn begins.</summary>
    public DateOnly Today { get; private set; }

    public string Say(string key, params (string Name, string Value)[] values)
        => messages.Render(Language, key, values);

    public TextFormat Format => TextFormat.For(Language);

    public string Money(long cents) => Format.Money(cents);

    public string Date(DateOnly date) => Format.Date(date);

    public string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static InvalidOperationException NotStarted() => new("The session has not begun: PatientBot starts it.");
}

using RelanceBot.Auditing;
using RelanceBot.Persistence;

namespace RelanceBot.Patients;

/// <summary>A patient of a practice, identified by the practice's own reference.</summary>
public sealed class Patient : IAuditable, IConcurrencyVersioned
{
    private readonly List<PatientChannel> _channels = [];

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>The practice's own identifier for the patient; unique within the practice.</summary>
    public string ExternalReference { get; private set; } = "";

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public DateOnly DateOfBirth { get; private set; }

    public string? PhoneE164 { get; private set; }

    public string? Email { get; private set; }

    public string Language { get; private set; } = PatientLanguage.French;

    /// <summary>Beneficiary of the Complémentaire santé solidaire (reminders must take it into account).</summary>
    public bool IsCssBeneficiary { get; private set; }

    /// <summary>Where letters go: address lines separated by line breaks, without the name; none when not known.</summary>
    public string? PostalAddress { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Set when the practice deactivates the patient: nobody contacts them any more.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    [NotAudited]
    public Guid Version { get; private set; }

    public IReadOnlyList<PatientChannel> Channels => _channels;

    public bool IsActive => DeactivatedAt is null;

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private Patient()
    {
    }

    public static Patient Create(Guid practiceId, string externalReference, PatientDetails details, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalReference);
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            ExternalReference = externalReference,
            CreatedAt = now,
            UpdatedAt = now,
        };
        patient.Apply(details, now);
        return patient;
    }

    /// <summary>
    /// Replaces the patient's details (and reactivates a deactivated patient). Returns false, touching nothing, when
    /// the details are already the current ones, so repeating an update is free.
    /// </summary>
    public bool Update(PatientDetails details, DateTimeOffset now)
    {
        if (IsActive && details == CurrentDetails)
        {
            return false;
        }

        Apply(details, now);
        DeactivatedAt = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Deactivates the patient; deactivating twice keeps the first date.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        DeactivatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Binds a chat conversation to the patient; binding the same conversation twice is a no-op.</summary>
    public PatientChannel AddChatChannel(Guid conversationReferenceId, DateTimeOffset now)
    {
        var existing = _channels.FirstOrDefault(channel => channel.ConversationReferenceId == conversationReferenceId);
        if (existing is not null)
        {
            return existing;
        }

        var channel = PatientChannel.ForConversation(this, conversationReferenceId, now);
        _channels.Add(channel);
        return channel;
    }

    /// <summary>Ties the SMS channel of <paramref name="phone"/> to the conversation its texts arrive in.</summary>
    public void LinkSmsConversation(string phone, Guid conversationReferenceId)
    {
        _channels.FirstOrDefault(channel => channel.Kind == ChannelKind.Sms && channel.Address == phone)?.AttachConversation(conversationReferenceId);
    }

    public void Prefer(PatientChannel preferred)
    {
        if (!_channels.Contains(preferred))
        {
            throw new ArgumentException("The channel does not belong to this patient.", nameof(preferred));
        }

        foreach (var channel in _channels)
        {
            channel.SetPreferred(channel == preferred);
        }
    }

    private PatientDetails CurrentDetails =>
        new(FirstName, LastName, DateOfBirth, PhoneE164, Email, Language, IsCssBeneficiary, PostalAddress);

    private void Apply(PatientDetails details, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.FirstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.LastName);
        if (!PatientLanguage.IsSupported(details.Language))
        {
            throw new ArgumentOutOfRangeException(nameof(details), details.Language, "Unsupported language.");
        }

        FirstName = details.FirstName;
        LastName = details.LastName;
        DateOfBirth = details.DateOfBirth;
        PhoneE164 = details.PhoneE164;
        Email = details.Email;
        Language = details.Language;
        IsCssBeneficiary = details.IsCssBeneficiary;
        PostalAddress = details.PostalAddress;
        SyncAddressChannel(ChannelKind.Sms, details.PhoneE164, now);
        SyncAddressChannel(ChannelKind.Email, details.Email, now);
    }

    // The SMS and e-mail channels follow the contact details the practice sends: one of each at most.
    private void SyncAddressChannel(ChannelKind kind, string? address, DateTimeOffset now)
    {
        var channel = _channels.FirstOrDefault(candidate => candidate.Kind == kind);
        switch (channel, address)
        {
            case (null, not null):
                _channels.Add(PatientChannel.ForAddress(this, kind, address, now));
                break;
            case (not null, null):
                _channels.Remove(channel);
                break;
            case (not null, not null):
                channel.ChangeAddress(address);
                break;
        }
    }
}

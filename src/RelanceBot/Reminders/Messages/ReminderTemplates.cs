using System.Collections.Frozen;
using Fluid;
using RelanceBot.Conversations.Messages;
using RelanceBot.Patients;

namespace RelanceBot.Reminders.Messages;

/// <summary>
/// The reminder wording, per language, in editable Liquid files (<c>Reminders/Templates/{fr,en}/{name}.{sms,email}.liquid</c>).
/// SMS texts also serve chat; the first line of an e-mail template is its subject. The lines every reminder ends with
/// (automated-message disclosure, how to reach a person, how to stop) are the <c>footer</c> variable, worded per
/// channel in the catalogs beside the templates (<c>Reminders/Templates/{fr,en}.json</c>). Loaded once and checked at startup
/// (every template in every language and variant, and each renders with a sample), so a broken edit stops the app
/// instead of a reminder.
/// </summary>
public sealed class ReminderTemplates
{
    private const string ShortVariant = "sms";
    private const string LongVariant = "email";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { StrictVariables = true };

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly MessageCatalog _texts;

    private ReminderTemplates(FrozenDictionary<string, IFluidTemplate> templates, FrozenSet<string> names, MessageCatalog texts)
    {
        _templates = templates;
        Names = names;
        _texts = texts;
    }

    /// <summary>The catalog of the footers and of the unsubscribe page.</summary>
    public MessageCatalog Texts => _texts;

    public FrozenSet<string> Names { get; }

    public bool Exists(string name) => Names.Contains(name);

    public static ReminderTemplates Load(string directory)
    {
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var language in PatientLanguage.All)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(directory, language), "*.liquid"))
            {
                if (!Parser.TryParse(File.ReadAllText(path), out var template, out var error))
                {
                    throw new InvalidOperationException($"Reminder template {path} does not parse: {error}");
                }

                templates[Key(language, Path.GetFileNameWithoutExtension(path))] = template;
            }
        }

        var names = templates.Keys.Select(key => key.Split('/')[1].Split('.')[0]).ToFrozenSet(StringComparer.Ordinal);
        var missing = names
            .SelectMany(name => PatientLanguage.All.SelectMany(language =>
                new[] { $"{name}.{ShortVariant}", $"{name}.{LongVariant}" }.Select(file => Key(language, file))))
            .Where(key => !templates.ContainsKey(key))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Reminder templates missing in {directory}: {string.Join(", ", missing)}");
        }

        var loaded = new ReminderTemplates(templates.ToFrozenDictionary(StringComparer.Ordinal), names, MessageCatalog.Load(directory));
        foreach (var language in PatientLanguage.All)
        {
            foreach (var name in names)
            {
                foreach (var channel in Enum.GetValues<ChannelKind>())
                {
                    // Both ways a text may word earlier reminders, with and without an unsubscribe link.
                    foreach (var earlierReminderDelivered in new[] { true, false })
                    {
                        var sample = Sample(language, earlierReminderDelivered);
                        loaded.Render(name, channel, sample);
                        loaded.Render(name, channel, sample with { UnsubscribeLink = null });
                    }
                }
            }
        }

        return loaded;
    }

    public RenderedReminder Render(string name, ChannelKind channel, ReminderMessageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var variant = channel == ChannelKind.Email ? LongVariant : ShortVariant;
        if (!_templates.TryGetValue(Key(model.Language, $"{name}.{variant}"), out var template))
        {
            throw new KeyNotFoundException($"No reminder template '{name}' in '{model.Language}'.");
        }

        var text = template.Render(Context(model, Footer(channel, model)), NullEncoder.Default).Trim();
        return channel switch
        {
            ChannelKind.Email => AsEmail(text),
            ChannelKind.Sms => new RenderedReminder(null, SmsSegments.WithPlainSpaces(text), []),
            _ => new RenderedReminder(null, text, ReminderButtons.For(model, _texts, LanguageOf(model))),
        };
    }

    private static RenderedReminder AsEmail(string text)
    {
        var lines = text.Split('\n', 2);
        return new RenderedReminder(lines[0].Trim(), lines.Length > 1 ? lines[1].Trim() : "", []);
    }

    private static BotLanguage LanguageOf(ReminderMessageModel model)
        => model.Language == PatientLanguage.English ? BotLanguage.English : BotLanguage.French;

    private string Footer(ChannelKind channel, ReminderMessageModel model)
    {
        var language = LanguageOf(model);
        if (channel != ChannelKind.Email)
        {
            return _texts.Render(language, channel == ChannelKind.Sms ? "sms-footer" : "chat-footer");
        }

        return string.Join('\n', [
            _texts.Render(language, "email-disclosure", ("practice", model.PracticeName)),
            model.PracticePhone is { Length: > 0 } phone
                ? _texts.Render(language, "email-contact-phone", ("phone", TextFormat.For(language).Phone(phone)))
                : _texts.Render(language, "email-contact"),
            model.UnsubscribeLink is { } link
                ? _texts.Render(language, "email-stop", ("unsubscribe", link))
                : _texts.Render(language, "email-stop-page"),
        ]);
    }

    private static TemplateContext Context(ReminderMessageModel model, string footer)
    {
        var format = TextFormat.For(LanguageOf(model));
        var context = new TemplateContext(Options);
        context.SetValue("patient_first_name", model.PatientFirstName);
        context.SetValue("patient_last_name", model.PatientLastName);
        context.SetValue("practice", model.PracticeName);
        context.SetValue("practitioner", model.PractitionerName);
        context.SetValue("phone", model.PracticePhone is { } phone ? format.Phone(phone) : "");
        context.SetValue("amount", format.Money(model.AmountCents));
        context.SetValue("due_date", format.Date(model.DueDate));
        context.SetValue("pay_link", model.PaymentLink);
        context.SetValue("reply_code", model.ReplyCode);
        context.SetValue("earlier_reminder", model.EarlierReminderDelivered);
        context.SetValue("payment_deadline", model.PaymentDeadline is { } deadline ? format.Date(deadline) : "");
        context.SetValue("footer", footer);
        return context;
    }

    private static string Key(string language, string file) => $"{language}/{file}";

    private static ReminderMessageModel Sample(string language, bool earlierReminderDelivered) => new(
        language, "Jeanne", "Martin", "Cabinet Dupont", "Dr Dupont", "+33102030405", 12345,
        new DateOnly(2026, 3, 1), "https://relancebot.example/p/sample", "rb-sample", earlierReminderDelivered)
    {
        UnsubscribeLink = "https://relancebot.example/unsubscribe/sample",
        PaymentDeadline = new DateOnly(2026, 4, 4),
    };
}

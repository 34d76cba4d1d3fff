using System.Globalization;
using PhoneNumbers;
using RelanceBot.Invoices;

namespace RelanceBot.Conversations.Messages;

/// <summary>
/// How a value is written for a reader of one language: money ("1 200,00 €" in French, "€1,200.00" in English), whole
/// numbers, dates and phone numbers (French ones in national form, "01 23 45 67 89"; others international). Every text
/// a patient or a practice reads formats its values here, so a card and a reminder agree.
/// </summary>
public sealed class TextFormat
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly TextFormat French = new(BotLanguage.French);
    private static readonly TextFormat English = new(BotLanguage.English);

    private TextFormat(BotLanguage language)
    {
        Language = language;
        Culture = language.Culture();
    }

    public BotLanguage Language { get; }

    public CultureInfo Culture { get; }

    public static TextFormat For(BotLanguage language) => language == BotLanguage.English ? English : French;

    public string Money(long cents) => EuroAmount.Format(cents, Culture);

    public string Number(long value) => value.ToString("N0", Culture);

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A stored E.164 number as people dial it; anything unreadable is shown as stored.</summary>
    public string Phone(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        try
        {
            var number = Phones.Parse(e164, "FR");
            return Phones.Format(
                number, Phones.GetRegionCodeForNumber(number) == "FR" ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Whether <paramref name="count"/> takes the singular: 0 and 1 in French, only 1 in English.</summary>
    public bool IsSingular(long count) => Language == BotLanguage.French ? count is 0 or 1 : count == 1;
}

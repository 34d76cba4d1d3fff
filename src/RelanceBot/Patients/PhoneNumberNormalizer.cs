using PhoneNumbers;

namespace RelanceBot.Patients;

/// <summary>Normalises phone numbers to E.164; numbers without a country code are read as French.</summary>
public static class PhoneNumberNormalizer
{
    public const string DefaultRegion = "FR";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string raw, out string e164)
    {
        e164 = "";
        try
        {
            var number = Util.Parse(raw, DefaultRegion);
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}

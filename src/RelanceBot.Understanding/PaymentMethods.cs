using System.Collections.Frozen;

namespace RelanceBot.Understanding;

/// <summary>Spots the means of payment a patient mentions.</summary>
internal static class PaymentMethods
{
    private static readonly FrozenDictionary<string, PaymentMethod> Words = new Dictionary<string, PaymentMethod>
    {
        ["carte"] = PaymentMethod.Card, ["card"] = PaymentMethod.Card,
        ["cheque"] = PaymentMethod.Cheque, ["cheques"] = PaymentMethod.Cheque, ["check"] = PaymentMethod.Cheque,
        ["virement"] = PaymentMethod.BankTransfer, ["rib"] = PaymentMethod.BankTransfer, ["transfer"] = PaymentMethod.BankTransfer,
        ["especes"] = PaymentMethod.Cash, ["liquide"] = PaymentMethod.Cash, ["cash"] = PaymentMethod.Cash,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static PaymentMethod? Find(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            // "carte vitale" is the health-insurance card, not a means of payment.
            if (Words.TryGetValue(tokens[i].Text, out var method) && !(i + 1 < tokens.Count && tokens[i + 1].Text == "vitale"))
            {
                return method;
            }
        }

        return null;
    }
}

namespace RelanceBot.Understanding;

/// <summary>A patient reply with the intent the bot must act on, as written in a training or evaluation file.</summary>
/// <param name="Text">The reply as the patient typed it.</param>
/// <param name="Intent">The intent that decides what the bot does next (the highest in priority when several).</param>
/// <param name="AlsoMeant">The other intents the reply holds, if any.</param>
/// <param name="Language">"fr", "en", "es", "pt" or "ar" (Maghrebi Arabic in Latin letters).</param>
public sealed record LabelledReply(string Text, Intent Intent, IReadOnlyList<Intent> AlsoMeant, string Language)
{
    /// <summary>The reply asks to stop messages, as its main intent or beside another.</summary>
    public bool MeansStop => Intent == Intent.Stop || AlsoMeant.Contains(Intent.Stop);
}

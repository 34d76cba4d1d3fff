using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// Yes or no. The caller gives the two choices (their titles come from the message catalog) with values
/// <see cref="Yes"/> and <see cref="No"/>; common ways of saying yes and no in French and English are understood too.
/// </summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    public const string Yes = "yes";
    public const string No = "no";

    private static readonly string[] YesWords =
        ["oui", "ouais", "ouai", "oue", "ok", "okay", "daccord", "d accord", "dac", "bien sur", "exact", "c est ca", "parfait", "yes", "yeah", "yep", "sure", "correct", "confirme", "je confirme", "valide"];

    private static readonly string[] NoWords =
        ["non", "nan", "no", "nope", "pas d accord", "annuler", "annule", "cancel", "pas maintenant"];

    protected override bool TryRecognize(DialogContext dialogContext, PromptOptions options, out bool value)
    {
        var choices = (options.Choices ?? []).Select(choice => choice with
        {
            Synonyms = [.. choice.Synonyms ?? [], .. choice.Value == Yes ? YesWords : choice.Value == No ? NoWords : []],
        }).ToList();
        var picked = ChoiceRecognizer.Recognize(dialogContext.Text, choices)?.Value;
        value = picked == Yes;
        return picked is Yes or No;
    }

    protected override JsonNode? ToJson(bool value) => JsonValue.Create(value);
}

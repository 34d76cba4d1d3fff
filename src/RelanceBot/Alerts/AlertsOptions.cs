using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Alerts;

/// <summary>The <c>Alerts</c> configuration section.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>The language staff read alerts, cards and the digest in (<c>fr</c> or <c>en</c>), with its number formats.</summary>
    [RegularExpression("^(fr|en)$", ErrorMessage = "Alerts:StaffLanguage is fr or en.")]
    public string StaffLanguage { get; set; } = "fr";
}

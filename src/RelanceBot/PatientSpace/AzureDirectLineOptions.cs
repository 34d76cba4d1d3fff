namespace RelanceBot.PatientSpace;

/// <summary>
/// Azure Bot Service's Direct Line (section <c>DirectLine</c>, beside the built-in endpoint's settings): with a secret,
/// the patient space's chat gets its token from Azure, minted here on the server; the secret never reaches a browser.
/// </summary>
public sealed class AzureDirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The Direct Line channel's secret (Azure portal, Channels → Direct Line); empty = the built-in endpoint.</summary>
    public string AzureSecret { get; set; } = "";

    /// <summary>Azure's Direct Line 3.0 base (a regional one, e.g. <c>https://europe.directline.botframework.com/v3/directline</c>, keeps data in the EU).</summary>
    public Uri AzureEndpoint { get; set; } = new("https://directline.botframework.com/v3/directline");

    public bool UsesAzure => !string.IsNullOrWhiteSpace(AzureSecret);
}

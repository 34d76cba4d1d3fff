namespace RelanceBot.Api;

public static class PracticeApiKeyAuthentication
{
    public const string SchemeName = "PracticeApiKey";

    public const string HeaderName = "X-Api-Key";
}

namespace RelanceBot.Conversations.Flows;

/// <summary>The patient's words behind an agreement: the request and the reply that confirmed it, verbatim.</summary>
internal static class AgreementWords
{
    /// <summary>Just the request when it said everything (the flow asked nothing more).</summary>
    public static string Of(string? request, string confirmation)
        => string.IsNullOrWhiteSpace(request) ? confirmation
            : request == confirmation ? request
            : $"« {request} » → « {confirmation} »";
}

using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// Length caps on every id and text field of an inbound activity, so that nothing oversized is stored, logged or
/// echoed. The body limit alone would let a 200 KB conversation id through.
/// </summary>
internal static class ActivityLengthLimits
{
    /// <summary>
    /// Ids, names and keywords. The longest real ids are Teams ones (<c>19:…@thread.v2;messageid=…</c>, <c>29:1…</c>
    /// user ids, about 100–150 characters); Entra display names stop at 256. 512 leaves room for any channel.
    /// </summary>
    public const int MaxShortLength = 512;

    /// <summary>The serviceUrl and other addresses: the conventional URL limit of browsers and proxies.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// What a person typed, and attachment URLs (which may be inline <c>data:</c> URLs): Teams refuses messages above
    /// about 28 KB, so 32 K characters never refuses a real message while bounding what a turn reads and stores.
    /// </summary>
    public const int MaxTextLength = 32 * 1024;

    /// <summary>A refusal lists at most this many fields, so an activity with thousands of bad members gets a short answer.</summary>
    private const int MaxReportedFields = 20;

    public static void Check(Activity activity, Dictionary<string, string[]> errors)
    {
        var check = new Checker(errors);
        check.Short("type", activity.Type);
        check.Short("id", activity.Id);
        check.Short("localTimezone", activity.LocalTimezone);
        check.Url("serviceUrl", activity.ServiceUrl);
        check.Short("channelId", activity.ChannelId);
        check.Account("from", activity.From);
        check.Account("recipient", activity.Recipient);
        check.Conversation("conversation", activity.Conversation);
        check.Short("replyToId", activity.ReplyToId);
        check.Short("locale", activity.Locale);
        check.Text("text", activity.Text);
        check.Short("textFormat", activity.TextFormat);
        check.Text("speak", activity.Speak);
        check.Short("inputHint", activity.InputHint);
        check.Text("summary", activity.Summary);
        check.Short("attachmentLayout", activity.AttachmentLayout);
        check.Short("valueType", activity.ValueType);
        check.Short("name", activity.Name);
        check.Short("action", activity.Action);
        check.Short("topicName", activity.TopicName);
        check.Short("code", activity.Code);
        check.Short("importance", activity.Importance);
        check.Short("deliveryMode", activity.DeliveryMode);
        check.Short("callerId", activity.CallerId);
        check.Each("membersAdded", activity.MembersAdded, check.Account);
        check.Each("membersRemoved", activity.MembersRemoved, check.Account);
        check.Each("reactionsAdded", activity.ReactionsAdded, (path, reaction) => check.Short(path + ".type", reaction?.Type));
        check.Each("reactionsRemoved", activity.ReactionsRemoved, (path, reaction) => check.Short(path + ".type", reaction?.Type));
        check.Each("entities", activity.Entities, (path, entity) => check.Short(path + ".type", entity?.Type));
        check.Each("attachments", activity.Attachments, check.Attachment);
        check.SuggestedActions("suggestedActions", activity.SuggestedActions);
        check.Reference("relatesTo", activity.RelatesTo);
    }

    private sealed class Checker(Dictionary<string, string[]> errors)
    {
        public void Short(string path, string? value) => Limit(path, value, MaxShortLength);

        public void Url(string path, string? value) => Limit(path, value, MaxUrlLength);

        public void Text(string path, string? value) => Limit(path, value, MaxTextLength);

        public void Account(string path, ChannelAccount? account)
        {
            Short(path + ".id", account?.Id);
            Short(path + ".name", account?.Name);
            Short(path + ".aadObjectId", account?.AadObjectId);
            Short(path + ".role", account?.Role);
        }

        public void Conversation(string path, ConversationAccount? conversation)
        {
            Short(path + ".id", conversation?.Id);
            Short(path + ".name", conversation?.Name);
            Short(path + ".conversationType", conversation?.ConversationType);
            Short(path + ".tenantId", conversation?.TenantId);
            Short(path + ".aadObjectId", conversation?.AadObjectId);
            Short(path + ".role", conversation?.Role);
        }

        public void Attachment(string path, Attachment? attachment)
        {
            Short(path + ".contentType", attachment?.ContentType);
            Text(path + ".contentUrl", attachment?.ContentUrl);
            Short(path + ".name", attachment?.Name);
            Text(path + ".thumbnailUrl", attachment?.ThumbnailUrl);
        }

        public void SuggestedActions(string path, SuggestedActions? suggestedActions)
        {
            Each(path + ".to", suggestedActions?.To, Short);
            Each(path + ".actions", suggestedActions?.Actions, (actionPath, action) =>
            {
                Short(actionPath + ".type", action?.Type);
                Text(actionPath + ".title", action?.Title);
                Text(actionPath + ".image", action?.Image);
                Text(actionPath + ".text", action?.Text);
                Text(actionPath + ".displayText", action?.DisplayText);
            });
        }

        public void Reference(string path, ConversationReference? reference)
        {
            Short(path + ".activityId", reference?.ActivityId);
            Account(path + ".user", reference?.User);
            Account(path + ".bot", reference?.Bot);
            Conversation(path + ".conversation", reference?.Conversation);
            Short(path + ".channelId", reference?.ChannelId);
            Url(path + ".serviceUrl", reference?.ServiceUrl);
            Short(path + ".locale", reference?.Locale);
        }

        public void Each<T>(string path, IReadOnlyList<T>? items, Action<string, T> check)
        {
            for (var i = 0; items is not null && i < items.Count && errors.Count < MaxReportedFields; i++)
            {
                check($"{path}[{i}]", items[i]);
            }
        }

        /// <summary>Names the field and its cap; never the value, which may be megabytes of garbage.</summary>
        private void Limit(string path, string? value, int maxLength)
        {
            if (value is { Length: var length } && length > maxLength && errors.Count < MaxReportedFields)
            {
                errors[path] = [$"At most {maxLength} characters are accepted."];
            }
        }
    }
}

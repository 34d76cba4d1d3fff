namespace RelanceBot.Conversations;

/// <param name="IsNew">True on the first activity of the conversation (some channels, like SMS, send no conversationUpdate).</param>
public sealed record RecordedConversation(ConversationReferenceRecord Reference, bool IsNew);

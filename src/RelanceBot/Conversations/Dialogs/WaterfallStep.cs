namespace RelanceBot.Conversations.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>: it asks something (a prompt), moves on, or ends.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

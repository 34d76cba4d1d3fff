using System.Text.Json.Nodes;
using RelanceBot.Conversations.Dialogs;
using Shouldly;

namespace RelanceBot.Tests.Conversations.Dialogs;

public sealed class DialogSystemTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task Waterfall_AcrossTurnsAndAStoredStack_PassesEachAnswerToTheNextStep()
    {
        var json = await TurnAsync(DialogStack.Empty().ToJson(), "", dc => dc.BeginDialogAsync("order", null, CancellationToken.None));
        json = await TurnAsync(json, "7", dc => dc.ContinueDialogAsync(CancellationToken.None));
        var result = await RunAsync(json, "oui", dc => dc.ContinueDialogAsync(CancellationToken.None));

        result.Result.Status.ShouldBe(DialogTurnStatus.Complete);
        result.Result.Result!.GetValue<string>().ShouldBe("7 confirmed");
        result.Stack.IsEmpty.ShouldBeTrue();
        _log.ShouldBe(["How many?", "Sure?", "done"]);
    }

    [Fact]
    public async Task Prompt_RepliesItCannotRead_GetTheRetryText_ThenItGivesUpWithNoResult()
    {
        var json = await TurnAsync(DialogStack.Empty().ToJson(), "", dc => dc.BeginDialogAsync("order", null, CancellationToken.None));
        json = await TurnAsync(json, "beaucoup", dc => dc.ContinueDialogAsync(CancellationToken.None));
        var result = await RunAsync(json, "je ne sais pas", dc => dc.ContinueDialogAsync(CancellationToken.None));

        _log.ShouldBe(["How many?", "A number please.", "gave up"]);
        result.Stack.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Prompt_ValueRefusedByItsValidator_SaysWhyAndAsksAgain()
    {
        var json = await TurnAsync(DialogStack.Empty().ToJson(), "", dc => dc.BeginDialogAsync("order", null, CancellationToken.None));
        json = await TurnAsync(json, "12", dc => dc.ContinueDialogAsync(CancellationToken.None));

        _log.ShouldBe(["How many?", "At most 10."]);
        DialogStack.Parse(json).Active!.Id.ShouldBe("number");
    }

    [Fact]
    public async Task Reprompt_AsksTheActivePromptsQuestionAgain()
    {
        var json = await TurnAsync(DialogStack.Empty().ToJson(), "", dc => dc.BeginDialogAsync("order", null, CancellationToken.None));
        await TurnAsync(json, "aide", async dc =>
        {
            await dc.RepromptDialogAsync(CancellationToken.None);
            return DialogTurnResult.Waiting;
        });

        _log.ShouldBe(["How many?", "How many?"]);
    }

    [Fact]
    public async Task Choices_AreButtonsOnChat_AndNumberedLinesOnSms()
    {
        var turn = new RecordingTurn("", "webchat");
        var sms = new RecordingTurn("", "sms");
        Choice[] choices = [new("a", "Alpha"), new("b", "Beta")];

        await new DialogContext(new DialogSet(), DialogStack.Empty(), turn).SendAsync("Pick", choices, CancellationToken.None);
        await new DialogContext(new DialogSet(), DialogStack.Empty(), sms).SendAsync("Pick", choices, CancellationToken.None);

        turn.Sent[0].Text.ShouldBe("Pick");
        turn.Sent[0].SuggestedActions!.Actions.Select(action => action.Title).ShouldBe(["Alpha", "Beta"]);
        sms.Sent[0].Text.ShouldBe("Pick\n\n1. Alpha\n2. Beta");
        sms.Sent[0].SuggestedActions.ShouldBeNull();
    }

    [Fact]
    public void Stack_RoundTripsThroughJson()
    {
        var stack = DialogStack.Empty();
        stack.Push(new DialogInstance("outer", new JsonObject { ["step"] = 1 }));
        stack.Push(new DialogInstance("inner", new JsonObject { ["text"] = "l'été" }));

        var parsed = DialogStack.Parse(stack.ToJson());

        parsed.Ids.ShouldBe(["outer", "inner"]);
        parsed.Active!.State["text"]!.GetValue<string>().ShouldBe("l'été");
        parsed.Parent!.State["step"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("2", "b")]
    [InlineData("Bêta !", "b")]
    [InlineData("ALPHA", "a")]
    [InlineData("je prends beta merci", "b")]
    [InlineData("b", "b")]
    [InlineData("3", null)]
    [InlineData("alpha ou beta", null)]
    [InlineData("", null)]
    public void ChoiceRecognizer_ReadsNumbersTitlesAndSynonyms(string text, string? expected)
        => ChoiceRecognizer.Recognize(text, [new Choice("a", "Alpha"), new Choice("b", "Beta")])?.Value.ShouldBe(expected);

    [Theory]
    [InlineData("oui", true)]
    [InlineData("Ouais d'accord", true)]
    [InlineData("1", true)]
    [InlineData("NON", false)]
    [InlineData("2", false)]
    public async Task ConfirmPrompt_UnderstandsCommonYesAndNo(string text, bool expected)
    {
        var json = await TurnAsync(DialogStack.Empty().ToJson(), "", dc => dc.BeginDialogAsync("confirm", Confirm(), CancellationToken.None));
        var result = await RunAsync(json, text, dc => dc.ContinueDialogAsync(CancellationToken.None));

        result.Result.Result!.GetValue<bool>().ShouldBe(expected);
    }

    private static JsonNode? Confirm() => DialogJson.ToNode(new PromptOptions("Sure?", null, [new Choice(ConfirmPrompt.Yes, "Oui"), new Choice(ConfirmPrompt.No, "Non")]));

    private DialogSet Dialogs() => new DialogSet()
        .Add(new NumberPrompt("number", value => value > 10 ? "At most 10." : null))
        .Add(new ConfirmPrompt("confirm"))
        .Add(new WaterfallDialog("order",
        [
            (step, ct) => step.PromptAsync("number", new PromptOptions("How many?", "A number please.", MaxAttempts: 2), ct),
            async (step, ct) =>
            {
                if (step.Result is null)
                {
                    await step.SendAsync("gave up", ct);
                    return await step.EndAsync(ct);
                }

                step.Values["count"] = step.Result.DeepClone();
                return await step.BeginDialogAsync("confirm", Confirm(), ct);
            },
            async (step, ct) =>
            {
                await step.SendAsync("done", ct);
                return await step.Context.EndDialogAsync(JsonValue.Create($"{step.Values["count"]} confirmed"), ct);
            },
        ]));

    private async Task<string> TurnAsync(string stackJson, string text, Func<DialogContext, Task<DialogTurnResult>> act)
        => (await RunAsync(stackJson, text, act)).Stack.ToJson();

    private async Task<(DialogStack Stack, DialogTurnResult Result)> RunAsync(string stackJson, string text, Func<DialogContext, Task<DialogTurnResult>> act)
    {
        var turn = new RecordingTurn(text);
        var stack = DialogStack.Parse(stackJson);
        var result = await act(new DialogContext(Dialogs(), stack, turn));
        _log.AddRange(turn.Sent.Select(activity => activity.Text!));
        return (stack, result);
    }
}

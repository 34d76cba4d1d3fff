using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>What the database is asked on a conversation's first message, the most frequent turn after a reminder wave.</summary>
public sealed class FirstContactTurnTests
{
    [Fact]
    public async Task A_new_conversation_is_not_searched_for_a_state_it_cannot_have_yet()
    {
        var reads = new StateReads();
        await using var app = new RelanceBotFactory();
        app.TestServices.Add(services => services.AddSingleton<IInterceptor>(reads));
        var chat = new PatientChat(app);

        (await chat.SayAsync("bonjour")).ShouldStartWith("Bonjour, je suis l'assistant automatique de votre cabinet");

        // The conversation's lookup (reference and state in one statement) and nothing else.
        reads.Count.ShouldBe(1);
        var referenceId = await chat.ReferenceIdAsync();
        (await PatientScenario.QueryAsync(app, db => db.Set<ConversationState>().CountAsync(state => state.ConversationReferenceId == referenceId)))
            .ShouldBe(1);

        reads.Clear();
        await chat.SayAsync("aide");
        reads.Count.ShouldBe(1);
    }

    /// <summary>Counts the statements that read conversation states.</summary>
    private sealed class StateReads : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public int Count => _texts.Count(text => text.StartsWith("SELECT", StringComparison.Ordinal) && text.Contains("\"ConversationStates\"", StringComparison.Ordinal));

        public void Clear() => _texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}

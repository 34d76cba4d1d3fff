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

    [Fact]
    public async Task A_first_contact_is_one_write_and_enters_the_audit_log_only_once_the_patient_is_known()
    {
        var saves = new Saves();
        await using var app = new RelanceBotFactory();
        app.TestServices.Add(services => services.AddSingleton<IInterceptor>(saves));
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app);
        saves.Count = 0;

        (await chat.SayAsync("bonjour")).ShouldStartWith("Bonjour, je suis l'assistant automatique de votre cabinet");

        // The conversation and its state saved together, in one transaction.
        saves.Count.ShouldBe(1);
        var referenceId = (await chat.ReferenceIdAsync()).ToString();
        (await PatientScenario.QueryAsync(app, db => db.AuditEntries.CountAsync(entry => entry.EntityId == referenceId))).ShouldBe(0);

        await chat.SayAsync(scenario.LinkToken);
        var bound = await PatientScenario.QueryAsync(app, db => db.AuditEntries.SingleAsync(entry => entry.EntityId == referenceId));
        bound.EntityType.ShouldBe(nameof(ConversationReferenceRecord));
        bound.Changes.ShouldContain(scenario.PatientId.ToString());
    }

    /// <summary>Counts the SaveChanges calls that wrote something.</summary>
    private sealed class Saves : SaveChangesInterceptor
    {
        private int _count;

        public int Count { get => _count; set => _count = value; }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (result > 0)
            {
                Interlocked.Increment(ref _count);
            }

            return ValueTask.FromResult(result);
        }
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

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Tests.Outbox.TestInfrastructure;

namespace RelanceBot.Tests.Outbox;

/// <summary>
/// The claim's lease: short, so a crashed dispatcher's messages are resent within a minute, and renewed while a batch
/// is worked on, so a live dispatcher with slow sends keeps its claim.
/// </summary>
public sealed class OutboxLeaseTests : IAsyncLifetime
{
    private readonly SendGate _gate = new();
    private OutboxTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await OutboxTestBed.StartAsync(services => services.AddSingleton(_gate).AddScoped<IOutboxSendGuard, GatedGuard>());

    public async Task DisposeAsync()
    {
        _gate.Open();
        await _bed.DisposeAsync();
    }

    [Fact]
    public void Lease_IsAMinuteAtMost()
    {
        var options = _bed.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;

        options.LeaseDuration.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        Should.Throw<OptionsValidationException>(() => Validate(new OutboxOptions { LeaseDuration = TimeSpan.FromSeconds(61) }));
    }

    [Fact]
    public async Task SendsOutlastingTheLease_KeepTheClaim_NoSecondDispatcherSendsThemAgain()
    {
        var lease = _bed.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.LeaseDuration;
        var patient = await _bed.AddPatientAsync();
        await _bed.EnqueueAsync(Reminder(patient, "reminder:slow"));
        var dispatcher = _bed.App.Services.GetRequiredService<OutboxDispatcher>();

        var slow = Task.Run(() => dispatcher.DispatchBatchAsync(CancellationToken.None));
        await _gate.Entered.WaitAsync(TimeSpan.FromSeconds(20));
        // A lease and a half pass while the first send hangs (less than the send timeout); the dispatcher is alive and
        // renews its claim.
        for (var step = 0; step < 9; step++)
        {
            _bed.Clock.Advance(lease / 6);
            await WaitForLeaseAsync(atLeast: _bed.Clock.GetUtcNow() + (lease / 2));
        }

        var second = await dispatcher.DispatchBatchAsync(CancellationToken.None);
        _gate.Open();
        var first = await slow.WaitAsync(TimeSpan.FromSeconds(20));

        second.ShouldBe(0, "a live dispatcher's claim must not be taken over");
        first.ShouldBe(1);
        _bed.Connector.Requests.Count.ShouldBe(1);
        var sent = (await _bed.MessagesAsync()).ShouldHaveSingleItem();
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task CrashedClaim_IsSentAgainOnceTheLeaseEnds_AndTheEmailKeepsItsMessageId()
    {
        _gate.Open();
        var lease = _bed.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.LeaseDuration;
        var patient = await _bed.AddPatientAsync(withChat: false);
        await _bed.EnqueueAsync(Reminder(patient, "reminder:mail", ChannelKind.Email));
        (await _bed.DispatchAsync()).ShouldBe(1);
        // A crash after the send and before its outcome was saved leaves the message claimed, as the claim wrote it.
        var now = _bed.Clock.GetUtcNow();
        await _bed.InScopeAsync((_, db) => db.OutboxMessages.ExecuteUpdateAsync(setters => setters
            .SetProperty(message => message.Status, OutboxStatus.Sending)
            .SetProperty(message => message.LeaseOwner, Guid.NewGuid())
            .SetProperty(message => message.LeaseUntil, now + lease)));

        _bed.Clock.Advance(lease - TimeSpan.FromSeconds(1));
        (await _bed.DispatchAsync()).ShouldBe(0, "the lease still holds");
        _bed.Clock.Advance(TimeSpan.FromSeconds(2));
        (await _bed.DispatchAsync()).ShouldBe(1, "taken back as soon as the lease ends");

        var message = (await _bed.MessagesAsync()).ShouldHaveSingleItem();
        var mails = _bed.Smtp.ReceivedMessages();
        mails.Count.ShouldBe(2);
        mails.Select(mail => mail.MessageId).Distinct().ShouldHaveSingleItem().ShouldBe($"{message.Id:N}@cabinet-dupont.test");
        message.ChannelMessageId.ShouldBe(mails[0].MessageId);
    }

    private static void Validate(OutboxOptions options)
    {
        var services = new ServiceCollection();
        services.AddOptions<OutboxOptions>().Configure(configured =>
        {
            configured.LeaseDuration = options.LeaseDuration;
        }).ValidateDataAnnotations();
        _ = services.BuildServiceProvider().GetRequiredService<IOptions<OutboxOptions>>().Value;
    }

    /// <summary>Polls the claimed message's lease; returns quietly when it is not extended in time (the assertions say so).</summary>
    private async Task WaitForLeaseAsync(DateTimeOffset atLeast)
    {
        for (var poll = 0; poll < 40; poll++)
        {
            var leaseUntil = await _bed.InScopeAsync((_, db) => db.OutboxMessages.Select(message => message.LeaseUntil).SingleAsync());
            if (leaseUntil >= atLeast)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    private OutgoingMessage Reminder(Patient patient, string key, ChannelKind channel = ChannelKind.Chat) =>
        new(key, _bed.Practice.Id, OutboxPurpose.Reminder, DeliveryTarget.ForPatientChannel(patient.Channels.First(candidate => candidate.Kind == channel)),
            new OutboxContent("Bonjour, un rappel.") { Subject = "Votre facture" })
        {
            PatientId = patient.Id,
        };

    /// <summary>Holds the first send until the test opens it: a relay that takes longer than a lease.</summary>
    private sealed class SendGate
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Open() => _open.TrySetResult();

        /// <summary>The first caller waits for <see cref="Open"/>; any later one (a second claim) goes through.</summary>
        public Task PassAsync() => _entered.TrySetResult() ? _open.Task : Task.CompletedTask;
    }

    private sealed class GatedGuard(SendGate gate) : IOutboxSendGuard
    {
        public async Task<SendDecision> CheckAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await gate.PassAsync();
            return SendDecision.Allow;
        }
    }
}

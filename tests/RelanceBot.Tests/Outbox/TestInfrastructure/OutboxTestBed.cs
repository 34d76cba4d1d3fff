using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Outbox.TestInfrastructure;

/// <summary>
/// The real app on a SQLite file with a fake clock, a fake Bot Connector and a real SMTP server on loopback. The
/// background dispatcher is off: tests run <see cref="OutboxDispatcher"/> themselves, at instants they choose.
/// </summary>
public sealed class OutboxTestBed : IAsyncDisposable
{

    private readonly RelanceBotFactory _factory;

    private OutboxTestBed(RelanceBotFactory factory, WebApplicationFactory<Program> app, FakeConnector connector, SmtpServer smtp, Practice practice)
    {
        _factory = factory;
        App = app;
        Connector = connector;
        Smtp = smtp;
        Practice = practice;
    }

    public WebApplicationFactory<Program> App { get; }

    public FakeConnector Connector { get; }

    public SmtpServer Smtp { get; }

    public Practice Practice { get; }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _factory.Clock;

    /// <param name="factory">The app to run, on SQLite unless given (e.g. <see cref="RelanceBotFactory.OnPostgreSql"/>).</param>
    public static async Task<OutboxTestBed> StartAsync(Action<IServiceCollection>? configureServices = null, RelanceBotFactory? factory = null)
    {
        var connector = await FakeConnector.StartAsync();
        var smtp = await SmtpServer.StartAsync();
        factory ??= new RelanceBotFactory();
        var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Outbox:DispatcherEnabled", "false");
            builder.UseSetting("Delivery:Chat:TeamsServiceUrl", connector.ServiceUrl);
            builder.UseSetting("Delivery:Email:Host", "127.0.0.1");
            builder.UseSetting("Delivery:Email:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Delivery:Email:Tls", "None");
            builder.UseSetting("Delivery:Email:SenderAddress", "relances@cabinet-dupont.test");
            if (configureServices is not null)
            {
                builder.ConfigureServices(configureServices);
            }
        });
        await using var scope = app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddPractice>()
            .HandleAsync("Cabinet Dupont", "Dr Dupont", null, null, null, null, null, CancellationToken.None);
        return new OutboxTestBed(factory, app, connector, smtp, added.Practice!);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, RelanceBotDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    /// <summary>A patient with a Web Chat conversation on the fake connector (preferred) and the given addresses.</summary>
    public Task<Patient> AddPatientAsync(string? email = "jeanne.martin@example.fr", string? phone = null, bool withChat = true) =>
        InScopeAsync(async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var details = new PatientDetails("Jeanne", "Martin", new DateOnly(1980, 2, 3), phone, email, PatientLanguage.French, false);
            var patient = Patient.Create(Practice.Id, $"P-{Guid.NewGuid():N}", details, now);
            db.Patients.Add(patient);
            if (withChat)
            {
                patient.Prefer(patient.AddChatChannel(AddConversation(db, "webchat").Id, now));
            }

            await db.SaveChangesAsync();
            return patient;
        });

    /// <summary>Stores a conversation on the fake connector, as the bot would have on the patient's first message.</summary>
    public ConversationReferenceRecord AddConversation(RelanceBotDbContext db, string channelId)
    {
        var now = Clock.GetUtcNow();
        var conversationId = $"conv-{Guid.NewGuid():N}";
        var record = new ConversationReferenceRecord
        {
            Id = Guid.CreateVersion7(now),
            ChannelId = channelId,
            ConversationId = conversationId,
            ServiceUrl = Connector.ServiceUrl,
            ReferenceJson = JsonSerializer.Serialize(new
            {
                channelId,
                serviceUrl = Connector.ServiceUrl,
                conversation = new { id = conversationId },
                bot = new { id = "bot-id", name = "RelanceBot" },
                user = new { id = "user-id" },
            }),
            FirstSeenAt = now,
            LastSeenAt = now,
        };
        db.ConversationReferences.Add(record);
        return record;
    }

    public Task<bool> EnqueueAsync(OutgoingMessage message) =>
        InScopeAsync(async (services, db) =>
        {
            var added = await services.GetRequiredService<IOutbox>().EnqueueAsync(message, CancellationToken.None);
            await db.SaveChangesAsync();
            return added;
        });

    public Task<int> DispatchAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Every message, first messages before fallbacks, then by idempotency key (ids made at one instant do not sort).</summary>
    public Task<List<OutboxMessage>> MessagesAsync() =>
        InScopeAsync((_, db) => db.OutboxMessages.AsNoTracking()
            .OrderBy(message => message.OriginalMessageId != null)
            .ThenBy(message => message.IdempotencyKey)
            .ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

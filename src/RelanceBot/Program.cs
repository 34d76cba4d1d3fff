using RelanceBot.Alerts;
using RelanceBot.Api;
using RelanceBot.Auditing;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Cli;
using RelanceBot.Collection;
using RelanceBot.Conversations;
using RelanceBot.Delivery;
using RelanceBot.FormalNotices;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.PatientRequests;
using RelanceBot.Patients;
using RelanceBot.PatientSpace;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Runtime;
using RelanceBot.ScaleOut;
using RelanceBot.Scheduling;
using RelanceBot.Sms;
using RelanceBot.Teams;

if (CommandLineInterface.IsCommandLine(args))
{
    // Commands never start the host: the app's services are built (not started) only if the command needs them.
    return await CommandLineInterface.RunAsync(() => CreateApp([]).Services, args, Console.Out, Console.Error, CancellationToken.None);
}

var app = CreateApp(args);

app.MapApi()
    .MapPracticeSettings()
    .MapPatients()
    .MapInvoices()
    .MapFormalNotices()
    .MapCadence()
    .MapAlerts()
    .MapTeamsSetup()
    .MapPlans()
    .MapCollection();
app.MapBotFramework("/api/messages");
app.MapDirectLine();
app.MapPayments();
app.MapSms();
app.MapEmailUnsubscribe();
app.MapPatientSpace();
app.MapFormalNoticeStaffLinks();

await app.RunAsync();
return 0;

static WebApplication CreateApp(string[] args)
{
    // The app's own files (settings, message catalogs, templates, the Web Chat bundle) are beside its binary, whatever
    // directory it is started from (`dotnet publish/RelanceBot.dll`, a service manager).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    builder.Services.AddRuntime();
    builder.AddPersistence();
    builder.Services.AddAuditing();
    builder.Services.AddApi();
    builder.Services.AddPractices();
    builder.Services.AddPatients();
    builder.Services.AddInvoices();
    builder.Services.AddBotFramework();
    builder.Services.AddPatientRequests();
    builder.Services.AddConversations();
    builder.Services.AddAlerts();
    builder.Services.AddTeams();
    builder.Services.AddOutbox();
    builder.Services.AddDelivery();
    builder.Services.AddReminders();
    builder.Services.AddCollection();
    builder.Services.AddPayments();
    builder.Services.AddPlans();
    builder.Services.AddSms();
    builder.Services.AddPatientSpace();
    builder.Services.AddFormalNotices();
    builder.AddScaleOut();
    builder.Services.AddScheduling();

    return builder.Build();
}

public partial class Program;

using RelanceBot.Alerts;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Cli;
using RelanceBot.Collection;
using RelanceBot.Conversations;
using RelanceBot.FormalNotices;
using RelanceBot.Intake;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.PatientSpace;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Sms;
using RelanceBot.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddPersistence();
builder.Services.AddPractices();
builder.Services.AddIntakeApi();
builder.Services.AddBotFramework();
builder.Services.AddConversations();
builder.Services.AddAlerts();
builder.Services.AddTeams();
builder.Services.AddOutbox();
builder.Services.AddReminders();
builder.Services.AddCollection();
builder.Services.AddPayments();
builder.Services.AddPlans();
builder.Services.AddSms();
builder.Services.AddPatientSpace();
builder.Services.AddFormalNotices();

var app = builder.Build();

if (CommandLineInterface.IsCommand(args))
{
    return await CommandLineInterface.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/health", () => Results.Ok());
app.MapIntakeApi();
app.MapBotFramework("/api/messages");
app.MapDirectLine();
app.MapPayments();
app.MapSms();
app.MapEmailUnsubscribe();
app.MapPatientSpace();
app.MapFormalNoticeStaffLinks();

await app.RunAsync();
return 0;

public partial class Program;

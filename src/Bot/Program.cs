using Bot.Channels.BotFramework;
using Bot.Channels.DirectLine;
using Bot.Channels.WebPage;
using Bot.Channels.Zalo;
using Bot.Hosting;
using Bot.Staff.Enrolment;
using Bot.Staff.Exports;
using Bot.Surveys.Invitations;

// "dotnet run --project src/Bot -- enrol --role admin --unit <unitId>": the first admin's code, then exit.
if (args is ["enrol", ..])
{
    return await EnrolCommandLine.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddBotServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseWebChannels();
app.UseAuthentication();
app.UseAuthorization();
app.MapBotHealth();
app.MapBotFrameworkEndpoints();
app.MapDirectLineEndpoints();
app.MapZaloEndpoints();
app.MapSurveyPageEndpoints();
app.MapInvitationPageEndpoints();
app.MapInvitationEndpoints();
app.MapExportEndpoints();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

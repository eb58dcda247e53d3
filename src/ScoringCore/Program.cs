using ScoringCore.Endpoints;
using ScoringCore.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScoringCore();

var app = builder.Build();
app.UseScoringCoreErrors();
app.MapHealthEndpoints();
var api = app.MapApiV1();
api.MapUnitEndpoints();
api.MapSurveyResponseEndpoints();
api.MapSurveyFormEndpoints();
api.MapFormCommentEndpoints();
api.MapSoftwareCaseEndpoints();
api.MapSurveyRoundEndpoints();
api.MapPaperFormEndpoints();
api.MapAssessmentEndpoints();
api.MapResultDecisionEndpoints();
api.MapScoreEndpoints();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

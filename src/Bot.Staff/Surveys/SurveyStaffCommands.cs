namespace Bot.Staff.Surveys;

/// <summary>The commands and short dialogs of running the surveys: invitations, rounds, progress, paper sheets, held forms, comments.</summary>
public sealed class SurveyStaffCommands(
    DeskInvitations desk, CadreInvitationDialog cadres, CadreRoster roster, SurveyRoundCommands rounds, PaperFormDialog paper, HeldFormCommands held, CaseAudit audit,
    FormComments comments)
{
    public static bool Handles(StaffCommandKind kind) => kind is StaffCommandKind.Invite or StaffCommandKind.InviteCadre or StaffCommandKind.CadreList or StaffCommandKind.SurveyProgress
        or StaffCommandKind.OpenRound or StaffCommandKind.CloseRound or StaffCommandKind.PaperForms or StaffCommandKind.HeldForms
        or StaffCommandKind.CountHeld or StaffCommandKind.ExcludeHeld or StaffCommandKind.AuditCase or StaffCommandKind.DeskForms
        or StaffCommandKind.Comments;

    public Task RunAsync(StaffTurn staff, StaffCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case StaffCommandKind.Invite:
                return desk.InviteAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.InviteCadre:
                cadres.Begin(staff, command.Rest);
                return Task.CompletedTask;
            case StaffCommandKind.CadreList:
                return roster.ListAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.SurveyProgress:
                return rounds.ProgressAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.OpenRound:
                rounds.Open(staff, command.Rest);
                return Task.CompletedTask;
            case StaffCommandKind.CloseRound:
                rounds.Close(staff, command.Rest);
                return Task.CompletedTask;
            case StaffCommandKind.PaperForms:
                return paper.BeginAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.HeldForms:
                return held.ListAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.AuditCase:
                return audit.CheckAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.DeskForms:
                return audit.DeskFormsAsync(staff, command.Rest, cancellationToken);
            case StaffCommandKind.Comments:
                return comments.ListAsync(staff, command.Rest, cancellationToken);
            default:
                held.Decide(staff, command.Rest, count: command.Kind == StaffCommandKind.CountHeld);
                return Task.CompletedTask;
        }
    }
}

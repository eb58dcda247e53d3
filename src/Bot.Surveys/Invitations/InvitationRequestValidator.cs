using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs;
using Bot.Units;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Surveys.Invitations;

/// <summary>
/// Checks an invitation request and turns it into the invitation to store, or a refusal naming
/// the field (problem+json, in Vietnamese); it reads the directory and writes nothing. The commune must exist; a visit must be real (not in
/// the future, in a year of the scheme, recent enough that the invitation has not already expired).
/// </summary>
public sealed partial class InvitationRequestValidator(ScoringRules rules, ICommuneDirectory communes, InvitationCodes codes, BotTexts texts, TimeProvider clock, Microsoft.Extensions.Options.IOptions<InvitationOptions> options)
{
    private const int MaxText = 100;
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    private readonly string _citizenForm = rules.CitizenForm;
    private readonly string _cadreForm = rules.CadreForm;

    /// <summary>The roles of the seed's four kinds of village cadre, as the cadre dialog lists them.</summary>
    public IReadOnlyList<string> Roles => [.. rules.CadreRoles.Select(o => o.Code)];

    public async Task<(ValidInvitation? Invitation, InvitationProblem? Problem)> ValidateAsync(InvitationRequest request, string at, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Form))
        {
            return Fail(400, at + "form", "api.field.required");
        }
        if (request.Form != _citizenForm && request.Form != _cadreForm)
        {
            return Fail(400, at + "form", "api.field.oneOf", ("allowed", $"\"{_citizenForm}\", \"{_cadreForm}\""));
        }
        if (string.IsNullOrEmpty(request.CommuneId))
        {
            return Fail(400, at + "communeId", "api.field.required");
        }
        if (request.CommuneId.Length > 64 || await communes.FindAsync(request.CommuneId, cancellationToken) is not { } commune)
        {
            return Fail(404, at + "communeId", "api.commune.notFound", ("communeId", request.CommuneId));
        }
        return request.Form == _citizenForm ? Citizen(request, commune, at) : Cadre(request, commune, at);
    }

    private (ValidInvitation?, InvitationProblem?) Citizen(InvitationRequest request, Commune commune, string at)
    {
        if (string.IsNullOrEmpty(request.CaseCode))
        {
            return Fail(400, at + "caseCode", "api.field.required");
        }
        if (!CaseCode().IsMatch(request.CaseCode))
        {
            return Fail(400, at + "caseCode", "api.invitation.caseCode");
        }
        if (string.IsNullOrEmpty(request.VisitedAt))
        {
            return Fail(400, at + "visitedAt", "api.field.required");
        }
        if (!Instant().IsMatch(request.VisitedAt) || !DateTimeOffset.TryParse(request.VisitedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var visitedAt))
        {
            return Fail(400, at + "visitedAt", "api.invitation.instant");
        }
        var now = clock.GetUtcNow();
        if (visitedAt > now + AllowedClockSkew)
        {
            return Fail(400, at + "visitedAt", "api.invitation.future");
        }
        var year = visitedAt.ToOffset(rules.Calendar.Offset).Year;
        if (!rules.IsSchemeYear(year))
        {
            return Fail(400, at + "visitedAt", "api.invitation.year", ("from", rules.Scheme.Rules.Years.From), ("to", rules.Scheme.Rules.Years.To));
        }
        var expiresAt = visitedAt + (options.Value.CitizenLifetime ?? rules.Counting.InvitationLifetime);
        if (expiresAt <= now)
        {
            return Fail(400, at + "visitedAt", "api.invitation.tooOld", ("days", (int)(options.Value.CitizenLifetime ?? rules.Counting.InvitationLifetime).TotalDays));
        }
        var code = codes.ForCase(commune.Id, request.CaseCode);
        var invitation = new Invitation(_citizenForm, commune.Id, year, codes.CaseReference(commune.Id, request.CaseCode), visitedAt, expiresAt);
        return (new ValidInvitation(code, invitation), null);
    }

    private (ValidInvitation?, InvitationProblem?) Cadre(InvitationRequest request, Commune commune, string at)
    {
        if (string.IsNullOrEmpty(request.Role))
        {
            return Fail(400, at + "role", "api.field.required");
        }
        if (!Roles.Contains(request.Role))
        {
            return Fail(400, at + "role", "api.field.oneOf", ("allowed", string.Join(", ", Roles.Select(r => $"\"{r}\""))));
        }
        var village = TextNormalizer.Nfc(request.Village);
        if (village.Length == 0)
        {
            return Fail(400, at + "village", "api.field.required");
        }
        var name = TextNormalizer.Nfc(request.Name);
        foreach (var (field, value) in new[] { ("village", village), ("name", name) })
        {
            if (value.Length > MaxText)
            {
                return Fail(400, at + field, "api.field.tooLong", ("max", MaxText));
            }
            // Shown to appraisers in chat and kept with the registration: one printable line.
            if (PrintableText.FirstUnprintable(value, lines: false) is { } unprintable)
            {
                return Fail(400, at + field, "api.field.unprintable", ("code", PrintableText.Code(unprintable)));
            }
        }
        var now = clock.GetUtcNow();
        var year = now.ToOffset(rules.Calendar.Offset).Year;
        if (!rules.IsSchemeYear(year))
        {
            return Fail(400, at + "form", "api.invitation.year", ("from", rules.Scheme.Rules.Years.From), ("to", rules.Scheme.Rules.Years.To));
        }
        // The same cadre (commune, year, role, village, name) registered again gets the same invitation; a role one person
        // holds in a village is that village's seat whatever name is typed, so a village never has two forms for it.
        // The issuer finds or makes the registration, so checking stays free of writes.
        var holder = rules.IsOnePerVillage(request.Role) ? "" : TextNormalizer.Key(name);
        var identity = codes.Hash($"cadre-identity\n{commune.Id}\n{year}\n{request.Role}\n{TextNormalizer.Key(village)}\n{holder}");
        var invitation = new Invitation(_cadreForm, commune.Id, year, "", now, now + options.Value.CadreLifetime, request.Role, village, name.Length > 0 ? name : null);
        return (new ValidInvitation(null, invitation, identity), null);
    }

    private (ValidInvitation?, InvitationProblem?) Fail(int status, string field, string key, params (string, object?)[] values) =>
        (null, new InvitationProblem(status, field, texts.Format(key, [("field", field), .. values])));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")]
    private static partial Regex CaseCode();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();
}

/// <summary>
/// An invitation ready to store: a citizen's under its <see cref="Code"/>; a cadre's once the
/// issuer has found or made the registration for <see cref="CadreIdentity"/> (the code follows from it).
/// </summary>
public sealed record ValidInvitation(string? Code, Invitation Invitation, string? CadreIdentity = null);

/// <summary>A refusal: status, the JSON path at fault, and the Vietnamese detail.</summary>
public sealed record InvitationProblem(int Status, string Field, string Detail);

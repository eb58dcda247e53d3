using System.Globalization;
using Bot.Dialogs;
using Bot.People;
using Bot.State;
using Bot.Staff.Enrolment;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Staff.People;

/// <summary>"đăng ký", "tôi là ai", "thêm kênh", "tạo mã", "danh sách đăng ký", "thu hồi".</summary>
public sealed class EnrolmentCommands(EnrolmentStore store, StaffTexts texts, ScoringRules rules)
{
    /// <summary>
    /// Redeems a code for this channel identity, after the turn's save (a rerun of the turn would
    /// otherwise find its own enrolment and say the channel is taken); <paramref name="enrolled"/>
    /// then runs with the person it now belongs to.
    /// </summary>
    public void Enrol(StaffTurn staff, string code, Func<Person, Task> enrolled)
    {
        var turn = staff.Turn;
        if (staff.Person is { } existing)
        {
            // "đăng ký cán bộ Cẩm Vũ": an official who wants to register someone else, pointed to the
            // commands that do, not told to have their own enrolment revoked. A code is told the channel is taken.
            var already = code.Length > 0 && !EnrolmentCode.MayBeOne(code) ? "enrol.alreadyNoCode." + StaffRoles.Name(existing.Role) : "enrol.already";
            turn.Say(texts.Format(already, ("role", texts.RoleName(existing.Role)), ("unit", staff.Tree.NameOf(existing.UnitId))));
            return;
        }
        if (code.Length == 0)
        {
            turn.Say(texts.Text("enrol.usage"));
            return;
        }
        // "đăng ký khai sinh": a citizen who came to register a birth, told what the bot is for and asked for the commune, as its welcome does.
        if (!EnrolmentCode.MayBeOne(code))
        {
            turn.Say(texts.All["procedureNotHere"] + "\n" + texts.Text("enrol.codeHint"));
            if (turn.State.Phase == Phase.Idle)
            {
                turn.State.Begin(new AskingCommune());
            }
            return;
        }
        // Someone asked for their commune who then enrols has left the citizens' way: what they type next is not a commune's name.
        if (turn.State.Phase == Phase.AskingCommune)
        {
            turn.State.EndDialog();
        }
        turn.AfterSave(async _ =>
        {
            var result = await store.RedeemAsync(code, turn.UserKey);
            switch (result.Outcome)
            {
                case RedeemOutcome.Enrolled:
                    turn.Say(texts.Format("enrol.done", ("role", texts.RoleName(result.Person!.Role)), ("unit", staff.Tree.NameOf(result.Person.UnitId))));
                    break;
                case RedeemOutcome.Linked:
                    turn.Say(texts.Format("enrol.linked", ("role", texts.RoleName(result.Person!.Role)), ("unit", staff.Tree.NameOf(result.Person.UnitId))));
                    break;
                case RedeemOutcome.TooManyAttempts:
                    turn.Say(texts.Text("enrol.tooMany"));
                    break;
                default:
                    turn.Say(texts.Text("enrol.invalid"));
                    break;
            }
            if (result.Person is { } person)
            {
                await enrolled(person);
            }
        });
    }

    public static void WhoAmI(StaffTurn staff, StaffTexts texts) =>
        staff.Turn.Say(staff.Person is { } person
            ? texts.Format("staff.whoAmI", ("role", texts.RoleName(person.Role)), ("unit", staff.Tree.NameOf(person.UnitId)), ("channels", person.Identities.Count))
            : texts.Text("staff.whoAmI.none"));

    /// <summary>A code binding another channel to this person, made after the save so a rerun never leaves a second live code.</summary>
    public void LinkChannel(StaffTurn staff)
    {
        var person = staff.Person!;
        staff.Turn.AfterSave(async _ =>
        {
            var expires = store.CodeExpiry(linkCode: true);
            var code = await store.CreateCodeAsync(new EnrolmentGrant(person.Role, person.UnitId, person.Id, expires, person.Id));
            staff.Turn.Say(texts.Format("enrol.linkCode", ("code", code), ("expires", Local(expires))));
        });
    }

    /// <summary>"tạo mã &lt;vai trò&gt; [đơn vị]": the role word first, then the unit (the person's own unit when left out).</summary>
    public void CreateCode(StaffTurn staff, string rest)
    {
        var (role, unitText) = ReadRole(rest);
        if (role is null)
        {
            staff.Turn.Say(texts.Text("enrol.codeUsage"));
            return;
        }
        var person = staff.Person!;
        UnitDto? unit = unitText.Length == 0
            ? staff.Tree.Find(person.UnitId)
            : UnitLookup.One(staff, texts, unitText, communesOnly: role == StaffRole.Staff, $"{texts.CreateCode.Canonical} {RoleWord(role.Value)}");
        if (unit is null)
        {
            if (unitText.Length == 0)
            {
                staff.Turn.Say(texts.Text("enrol.codeUsage"));
            }
            return;
        }
        if (!StaffAccess.MayGrant(person, role.Value, unit.Id!, staff.Tree))
        {
            staff.Turn.Say(texts.Text("enrol.cannotGrant"));
            return;
        }
        // Made after the save: a rerun of the turn must not leave a second live code nobody was told.
        staff.Turn.AfterSave(async _ =>
        {
            var expires = store.CodeExpiry(linkCode: false);
            var code = await store.CreateCodeAsync(new EnrolmentGrant(role.Value, unit.Id!, person.Id, expires));
            staff.Turn.Say(texts.Format("enrol.codeCreated", ("role", texts.RoleName(role.Value)), ("unit", unit.Name), ("code", code), ("expires", Local(expires))));
        });
    }

    public async Task ListAsync(StaffTurn staff)
    {
        var people = (await store.AllAsync()).Where(p => StaffAccess.MayManage(staff.Person!, p, staff.Tree)).ToList();
        if (people.Count == 0)
        {
            staff.Turn.Say(texts.Text("enrol.listEmpty"));
            return;
        }
        var lines = people.Select((p, i) => texts.Format("enrol.listLine",
            ("n", i + 1), ("id", p.Id), ("role", texts.RoleName(p.Role)), ("unit", staff.Tree.NameOf(p.UnitId)),
            ("channels", p.Identities.Count), ("since", Local(p.EnrolledAt)[..10])));
        staff.Turn.Say(string.Join("\n", [texts.Format("enrol.listHeader", ("count", people.Count)), .. lines, texts.Format("enrol.listHint", ("id", people[0].Id))]));
    }

    public async Task RevokeAsync(StaffTurn staff, string rest)
    {
        var id = TextNormalizer.Key(rest).Replace(" ", "", StringComparison.Ordinal);
        if (id.Length == 0)
        {
            staff.Turn.Say(texts.Text("enrol.revokeUsage"));
            return;
        }
        // Ids are lower-case hex: anything else is simply not found, as a person outside the scope is.
        var other = id.All(Uri.IsHexDigit) ? await store.FindAsync(id) : null;
        if (other is null || !StaffAccess.MayManage(staff.Person!, other, staff.Tree))
        {
            staff.Turn.Say(texts.Format("enrol.revokeUnknown", ("id", id)));
            return;
        }
        staff.Turn.AfterSave(async _ =>
        {
            await store.RevokeAsync(other.Id);
            staff.Turn.Say(texts.Format("enrol.revoked", ("id", other.Id), ("role", texts.RoleName(other.Role)), ("unit", staff.Tree.NameOf(other.UnitId))));
        });
    }

    private (StaffRole? Role, string Remainder) ReadRole(string text)
    {
        (StaffRole? Role, string Remainder) best = (null, text);
        foreach (var (role, words) in texts.RoleWords)
        {
            if (words.Command(text) is { } rest && (best.Role is null || rest.Length < best.Remainder.Length))
            {
                best = (role, rest.Trim());
            }
        }
        return best;
    }

    private string RoleWord(StaffRole role) => texts.RoleWords.First(r => r.Role == role).Words.Canonical;

    private string Local(DateTimeOffset at) => at.ToOffset(rules.Calendar.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}

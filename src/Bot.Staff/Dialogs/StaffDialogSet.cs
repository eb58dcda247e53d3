using Bot.People;
using Bot.State;

namespace Bot.Staff.Dialogs;

/// <summary>Every staff dialog by the <see cref="StaffMode"/> it runs: the one place the routes find the dialog in progress and the roles it needs.</summary>
public sealed class StaffDialogSet
{
    private readonly Dictionary<StaffMode, (StaffDialog Dialog, StaffCommandKind Command)> _byMode = [];

    public StaffDialogSet(IEnumerable<StaffDialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            foreach (var (mode, command) in dialog.Runs)
            {
                _byMode.Add(mode, (dialog, command));
            }
        }
    }

    public StaffDialog For(StaffMode mode) => _byMode[mode].Dialog;

    /// <summary>The person may still run the dialog in progress: they hold its command's role.</summary>
    public bool Allows(StaffMode mode, Person person) => _byMode.TryGetValue(mode, out var found) && StaffAccess.Allows(found.Command, person);

    /// <summary>The command begins a dialog (which replaces the one in progress, so nothing is said again after it).</summary>
    public bool Begins(StaffCommandKind command) => _byMode.Values.Any(d => d.Command == command);
}

using Bot.People;
using Bot.State;

namespace Bot.Staff.Dialogs;

/// <summary>Every staff dialog by the frame it keeps: the one place the routes find the dialog in progress and the roles it needs.</summary>
public sealed class StaffDialogSet(IEnumerable<StaffDialog> dialogs)
{
    private readonly Dictionary<Type, StaffDialog> _byFrame = dialogs.ToDictionary(d => d.FrameType);

    public StaffDialog For(StaffFrame frame) => _byFrame[frame.GetType()];

    /// <summary>The person may still run the dialog in progress: they hold its command's role.</summary>
    public bool Allows(StaffFrame frame, Person person) => StaffAccess.Allows(For(frame).CommandFor(frame), person);

    /// <summary>The command begins a dialog (which takes the place of the one in progress, so nothing is said again after it).</summary>
    public bool Begins(StaffCommandKind command) => _byFrame.Values.Any(d => d.BegunBy.Contains(command));
}

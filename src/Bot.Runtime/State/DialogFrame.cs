using System.Text.Json.Serialization;

namespace Bot.State;

/// <summary>
/// One dialog in progress on the conversation's stack (<see cref="ConversationData.Dialogs"/>),
/// stored with its kind so the stack reads back typed.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "dialog")]
[JsonDerivedType(typeof(AskingCommune), "askingCommune")]
[JsonDerivedType(typeof(SurveyProgress), "survey")]
[JsonDerivedType(typeof(SelfScoringFrame), "selfScoring")]
[JsonDerivedType(typeof(AppraisalFrame), "appraisal")]
[JsonDerivedType(typeof(DisqualificationFrame), "disqualification")]
[JsonDerivedType(typeof(PaperFormFrame), "paperForms")]
[JsonDerivedType(typeof(CadreInvitationFrame), "cadreInvitation")]
public abstract class DialogFrame;

/// <summary>The bot asked which commune the person's survey is about, and waits for a name.</summary>
public sealed class AskingCommune : DialogFrame;

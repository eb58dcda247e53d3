using Bot.CoreClient;
using Bot.Dialogs;
using Scoring.Loading;

namespace Bot.Tests.Staff;

/// <summary>
/// The core's refusals, worded from the same dialogs/ as the core words them (its ApiProblems fills {field} with the
/// API field), as a person reads them in chat: the API field's name ("Trường decidedBy") becomes its name in words. No Redis, no host.
/// </summary>
public sealed class CoreFailureTextTests
{
    private static readonly Scoring.Text.TextCatalog Catalog = SchemeLoader.Load().Texts;
    private static readonly BotTexts Texts = new(Catalog);

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "decidedBy", "field.tooLong", "Xin lỗi, hệ thống chấm điểm chưa nhận: Tên người quyết định dài quá 200 ký tự." },
        { "reason", "field.required", "Xin lỗi, hệ thống chấm điểm chưa nhận: Thiếu lý do." },
        { "reasons.1.1.a", "field.unprintable", "Xin lỗi, hệ thống chấm điểm chưa nhận: Lý do của mục 1.1.a có ký tự không in được (U+0007)" },
        { "items.1.1.a", "items.negative", "Xin lỗi, hệ thống chấm điểm chưa nhận: Mục 1.1.a: điểm không được âm." },
        { "communeId", "commune.notFound", "(mã xã)." },
        { "closesOn", "round.order", "Xin lỗi, hệ thống chấm điểm chưa nhận: Ngày kết thúc đợt khảo sát: ngày kết thúc" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ARefusalNamingAField_NamesItInWords(string field, string key, string expected)
    {
        var detail = Catalog.Format(key, ("field", field), ("max", 200), ("code", "U+0007"), ("item", "1.1.a"), ("communeId", "xa-khong-co"));

        var said = Texts.CoreFailure(new CoreResult<object>(null, CoreOutcome.Refused, 400, detail, field));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.DoesNotContain(field, said, StringComparison.Ordinal);
        Assert.DoesNotContain("Trường", said, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldWithNoNameInDialogs_IsLeftAsTheCoreWroteIt()
    {
        var detail = Catalog.Format("field.tooLong", ("field", "[3].name"), ("max", 200));

        var said = Texts.CoreFailure(new CoreResult<object>(null, CoreOutcome.Refused, 400, detail, "[3].name"));

        Assert.Equal("Xin lỗi, hệ thống chấm điểm chưa nhận: Trường [3].name dài quá 200 ký tự.", said);
    }

    [Fact]
    public void ACoreThatDidNotAnswer_IsSaidToBeDown() =>
        Assert.Equal(Texts["staff.coreDown"], Texts.CoreFailure(new CoreResult<object>(null, CoreOutcome.Unavailable)));
}

using Bot.Dialogs;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Invitations;

public sealed class InvitationCodesTests
{
    private static InvitationCodes Codes(string key = "link-test-key-0123456789abcdef0123456789") =>
        new(Options.Create(new SurveyLinkOptions { LinkKey = key }), new BotTexts(Scoring.Loading.SchemeLoader.Load().Texts));

    [Fact]
    public void ForCase_IsTheSameForTheSameCase_AndDiffersByCaseCommuneAndKey()
    {
        var codes = Codes();

        var code = codes.ForCase("cam-vu", "000.00.25.H23-241126-0001");

        Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", code);
        Assert.Equal(code, codes.ForCase("cam-vu", "000.00.25.H23-241126-0001"));
        Assert.NotEqual(code, codes.ForCase("cam-vu", "000.00.25.H23-241126-0002"));
        Assert.NotEqual(code, codes.ForCase("cam-binh", "000.00.25.H23-241126-0001"));
        Assert.NotEqual(code, Codes("another-link-key-0123456789abcdef0123").ForCase("cam-vu", "000.00.25.H23-241126-0001"));
    }

    [Theory]
    [InlineData("k7m2-qx9p", "K7M2-QX9P")]
    [InlineData("K7M2QX9P", "K7M2-QX9P")]
    [InlineData(" k7m2 qx9p ", "K7M2-QX9P")]
    [InlineData("K7M2-QX9", null)]
    [InlineData("K7M2-QX9PP", null)]
    [InlineData("hai duong", null)]
    [InlineData("K7M2-QX0P", null)] // 0 is not in the alphabet: a look-alike of O
    [InlineData("cam-vu", null)]
    public void Normalise_ReadsOnlyTheCodesShape(string typed, string? expected) =>
        Assert.Equal(expected, InvitationCodes.Normalise(typed));

    [Theory]
    [InlineData("khảo sát K7M2-QX9P", "K7M2-QX9P")]
    [InlineData("khao sat k7m2 qx9p ạ", "K7M2-QX9P")]
    [InlineData("Dạ khảo sát K7M2-QX9P ạ", "K7M2-QX9P")]
    [InlineData("K7M2-QX9P", "K7M2-QX9P")]
    [InlineData("mã K7M2-QX9P ạ", "K7M2-QX9P")]
    [InlineData("k7m2qx9p", "K7M2-QX9P")]
    [InlineData("k7m2 qx9p", "K7M2-QX9P")]
    [InlineData("mã của tôi là BKGQ M8TG ạ", "BKGQ-M8TG")]
    [InlineData("cháu ơi mã bkgq m8tg đây", "BKGQ-M8TG")]
    [InlineData("toi nhan phan hoi", null)] // four letters twice, no digit: words, not a code
    [InlineData("phong 2025 nhanh", null)] // 0 is not in the alphabet
    [InlineData("khảo sát Cẩm Vũ", null)]
    [InlineData("tuminhxa", null)] // eight letters without a digit: a name typed without spaces, not a code
    [InlineData("WJJP-4AKH-MA8H", null)] // a staff enrolment code, three groups
    [InlineData("000.00.25.H23-301126-0101", null)] // a case code
    [InlineData("Tốt", null)]
    public void Typed_ReadsACodeAfterTheSurveyWordOrOnItsOwn(string text, string? expected) =>
        Assert.Equal(expected, Codes().Typed(text));

    [Fact]
    public void ReadSigned_RefusesAnyChangeToCodeOrSignature()
    {
        var codes = Codes();
        var code = codes.ForCase("cam-vu", "case-1");
        var signature = codes.Sign(code);

        Assert.Equal(code, codes.ReadSigned(code, signature));
        Assert.Equal(code, codes.ReadSigned(code.ToLowerInvariant(), signature));
        Assert.Null(codes.ReadSigned(codes.ForCase("cam-vu", "case-2"), signature));
        Assert.Null(codes.ReadSigned(code, signature[..^1] + (signature[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(codes.ReadSigned(code, null));
    }

    [Fact]
    public void CaseReference_IsAKeyedHashThatDoesNotContainTheCase()
    {
        var reference = Codes().CaseReference("cam-vu", "000.00.25.H23-241126-0001");

        Assert.StartsWith("c-", reference, StringComparison.Ordinal);
        Assert.DoesNotContain("H23", reference, StringComparison.Ordinal);
        Assert.NotEqual(reference, Codes("another-link-key-0123456789abcdef0123").CaseReference("cam-vu", "000.00.25.H23-241126-0001"));
    }

    [Fact]
    public void ACadresCode_IsMadeAgainFromTheReferenceTheirInvitationCarries_AndNoOtherReferenceGivesOne()
    {
        var codes = Codes();

        Assert.Equal(codes.ForRegistration("0a1b2c"), codes.ForRegistrationReference(InvitationCodes.RegistrationPrefix + "0a1b2c"));
        Assert.Null(codes.ForRegistrationReference(codes.CaseReference("cam-vu", "000.00.25.H23-241126-0001")));
        Assert.Null(codes.ForRegistrationReference("17"));
    }
}

using Bot.Staff.Enrolment;

namespace Bot.Tests.Staff;

/// <summary>What is taken as an enrolment code, looked up and counted against the attempts; no Redis.</summary>
public sealed class EnrolmentCodeTests
{
    [Theory]
    [InlineData("K7PQ-M2XA-9RTB")]
    [InlineData("k7pq m2xa 9rtb")]
    [InlineData("K7PQM2XA9RTB")]
    [InlineData("abcd-efgh-jkmn")]
    public void ACodeAsItIsTyped_IsOne(string typed)
    {
        Assert.True(EnrolmentCode.LooksLikeOne(typed));
        Assert.True(EnrolmentCode.MayBeOne(typed));
    }

    [Theory]
    [InlineData("K7PQ-M2XA")]
    [InlineData("k7pq-m2xa-9rt")]
    [InlineData("ABCD EFGH")]
    public void AMistypedCode_IsStillAnAttempt(string typed)
    {
        Assert.False(EnrolmentCode.LooksLikeOne(typed));
        Assert.True(EnrolmentCode.MayBeOne(typed));
    }

    [Theory]
    [InlineData("khai sinh")]
    [InlineData("tạm trú cho con")]
    [InlineData("tam tru cho con")]
    [InlineData("kết hôn ạ")]
    public void WordsOfAProcedure_AreNoAttempt(string typed) => Assert.False(EnrolmentCode.MayBeOne(typed));
}

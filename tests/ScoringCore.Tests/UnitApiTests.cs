using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ScoringCore.Tests;

[Collection(RedisTests.Name)]
public sealed class UnitApiTests(RedisServer redis) : IDisposable
{
    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Put_TreeWithAndWithoutDistricts_IsSavedAndSummarised()
    {
        var api = _app.Api();
        var response = await api.PutAsJsonAsync("/api/v1/units", new object[]
        {
            new { id = "hd", name = "Tỉnh Hải Dương", kind = "province" },
            new { id = "cam-giang", name = "Huyện Cẩm Giàng", kind = "district", parentId = "hd" },
            new { id = "cam-vu", name = "Xã Cẩm Vũ", kind = "commune", parentId = "cam-giang" },
            new { id = "tu-minh", name = "Phường Tứ Minh", kind = "commune", parentId = "hd" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, (await response.JsonAsync()).GetProperty("saved").GetInt32());
        var province = await (await api.GetAsync("/api/v1/units/hd/years/2026/summary")).JsonAsync();
        Assert.Equal(2, province.GetProperty("communes").GetInt32());
        var district = await (await api.GetAsync("/api/v1/units/cam-giang/years/2026/summary")).JsonAsync();
        Assert.Equal(1, district.GetProperty("communes").GetInt32());
    }

    [Fact]
    public async Task Get_ReturnsTheWholeTreeOrderedById()
    {
        var api = await _app.WithCommunesAsync(2);

        var units = await (await api.GetAsync("/api/v1/units")).JsonAsync();

        Assert.Equal(["p", "xa-1", "xa-2"], units.EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.Equal("commune", units[1].GetProperty("kind").GetString());
        Assert.Equal("p", units[1].GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task Put_UpdateMovesACommune_AndRenames()
    {
        var api = _app.Api();
        await api.PutAsJsonAsync("/api/v1/units", new object[]
        {
            new { id = "hd", name = "Tỉnh Hải Dương", kind = "province" },
            new { id = "cg", name = "Huyện Cẩm Giàng", kind = "district", parentId = "hd" },
            new { id = "x", name = "Xã X", kind = "commune", parentId = "cg" },
        });

        // July 2025: districts are gone; the commune moves directly under the province.
        var moved = await api.PutAsJsonAsync("/api/v1/units", new object[] { new { id = "x", name = "Xã X mới", kind = "commune", parentId = "hd" } });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var district = await (await api.GetAsync("/api/v1/units/cg/years/2026/summary")).JsonAsync();
        Assert.Equal(0, district.GetProperty("communes").GetInt32());
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { """[]""", "", "ít nhất một đơn vị" },
        { """{"id":"hd"}""", "", "một mảng các đơn vị" },
        { """[{"name":"Tỉnh","kind":"province"}]""", "[0].id", "Thiếu trường [0].id" },
        { """[{"id":"Hải Dương","name":"Tỉnh","kind":"province"}]""", "[0].id", "chữ thường không dấu" },
        { """[{"id":"hd","name":"  ","kind":"province"}]""", "[0].name", "Thiếu trường [0].name" },
        { """[{"id":"hd","name":"Tỉnh","kind":"city"}]""", "[0].kind", "\"province\", \"district\", \"commune\"" },
        { """[{"id":"hd","name":"Tỉnh","kind":"province","parentId":"vn"}]""", "[0].parentId", "không có đơn vị cấp trên" },
        { """[{"id":"x","name":"Xã","kind":"commune"}]""", "[0].parentId", "cần có đơn vị cấp trên" },
        { """[{"id":"x","name":"Xã","kind":"commune","parentId":"nowhere"}]""", "[0].parentId", "\"nowhere\"" },
        { """[{"id":"hd","name":"Tỉnh","kind":"province"},{"id":"a","name":"Xã A","kind":"commune","parentId":"hd"},{"id":"b","name":"Xã B","kind":"commune","parentId":"a"}]""", "[2].parentId", "không thể trực thuộc" },
        { """[{"id":"hd","name":"Tỉnh","kind":"province"},{"id":"hd","name":"Tỉnh 2","kind":"province"}]""", "[1].id", "xuất hiện nhiều lần" },
        { """[{"id":"hd","name":"Tỉnh","kind":"province"},{"id":"d","name":"Huyện","kind":"district","parentId":"hd"},{"id":"c","name":"Xã","kind":"commune","parentId":"d"},{"id":"d","name":"Huyện","kind":"commune","parentId":"hd"}]""", "[3].id", "xuất hiện nhiều lần" },
        { """[null]""", "[0]", "sai kiểu dữ liệu" },
        { """[{"id":5,"name":"Tỉnh","kind":"province"}]""", "[0].id", "sai kiểu dữ liệu" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Put_Invalid_Is400NamingTheField(string body, string field, string detail)
    {
        var response = await _app.Api().PutAsync("/api/v1/units", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400, field, detail);
    }

    [Fact]
    public async Task Put_DistrictWithCommunesBecomingACommune_IsRefused()
    {
        var api = _app.Api();
        await api.PutAsJsonAsync("/api/v1/units", new object[]
        {
            new { id = "hd", name = "Tỉnh", kind = "province" },
            new { id = "d", name = "Huyện", kind = "district", parentId = "hd" },
            new { id = "c", name = "Xã", kind = "commune", parentId = "d" },
        });

        var response = await api.PutAsJsonAsync("/api/v1/units", new object[] { new { id = "d", name = "Huyện", kind = "commune", parentId = "hd" } });

        await response.AssertProblemAsync(400, "[0].kind", "đang có đơn vị trực thuộc");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>Photos: only real images of at most 5 MB, judged by their bytes; served with their type and nosniff.</summary>
public sealed class EventPhotoApiTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<HttpClient> CoordinatorClientAsync() => await data.App.ApiClientAsync(data.BreastCoordinatorId);

    public static TheoryData<string, string> Formats => new() { { "jpeg", "image/jpeg" }, { "gif", "image/gif" }, { "webp", "image/webp" } };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_image_is_stored_and_served_with_the_type_its_bytes_prove(string name, string expectedType)
    {
        // Real images: since issue 13 the header's pixel size is read, so magic bytes alone are not a photo.
        var bytes = name switch { "jpeg" => TinyImages.Jpeg, "gif" => TinyImages.Gif, _ => TinyImages.Webp };
        var created = await data.CreateAsync();
        var client = await CoordinatorClientAsync();

        // The claimed type and extension are wrong on purpose: the bytes decide.
        var response = await client.PostAsync($"/api/events/{created.Id}/photos", Upload(bytes, $"{name}.bin", "application/octet-stream"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var photo = await response.Content.ReadFromJsonAsync<JsonElement>();
        var served = await client.GetAsync(response.Headers.Location);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe(expectedType);
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        photo.GetProperty("fileName").GetString().ShouldBe($"{name}.bin");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_its_name_and_type_claim()
    {
        var created = await data.CreateAsync();
        var client = await CoordinatorClientAsync();
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        var response = await client.PostAsync($"/api/events/{created.Id}/photos", Upload(html, "photo.png"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("photo")[0].GetString()!.ShouldContain("JPEG");
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Photos.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_refused_with_a_clear_message()
    {
        var created = await data.CreateAsync();
        var client = await CoordinatorClientAsync();

        var response = await client.PostAsync($"/api/events/{created.Id}/photos", Upload(EventRoleFixture.Png(PhotoRules.MaxBytes + 1), "huge.png"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("photo")[0].GetString()!.ShouldContain("5 MB");
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Photos.ShouldBeEmpty();

        // Exactly 5 MB is fine.
        (await client.PostAsync($"/api/events/{created.Id}/photos", Upload(EventRoleFixture.Png(PhotoRules.MaxBytes), "max.png")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Staff_and_other_units_may_not_upload_or_delete_but_may_see_photos()
    {
        var created = await data.CreateAsync();
        var owner = await CoordinatorClientAsync();
        var location = (await owner.PostAsync($"/api/events/{created.Id}/photos", Upload(EventRoleFixture.Png(), "a.png"))).Headers.Location!;
        var (_, staff) = await data.App.ApiUserAsync(Roles.Staff);
        var (_, lung) = await data.App.ApiUserAsync(Roles.Coordinator, data.Lung);

        (await staff.PostAsync($"/api/events/{created.Id}/photos", Upload(EventRoleFixture.Png(), "b.png"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lung.DeleteAsync(location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.DeleteAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_event_page_shows_photos_through_the_signed_in_browser_cookie()
    {
        var created = await data.CreateAsync();
        var photo = await data.WithAsync(s => s.AddPhotoAsync(data.Admin, created.Id, "p.png", new MemoryStream(EventRoleFixture.Png())));
        var browser = data.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/api/events/{created.Id}/photos/{photo.Id}";

        (await browser.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await SignIn.AsAsync(browser, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        var response = await browser.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
    }

    [Theory]
    [InlineData(12_001, 100)]
    [InlineData(8_000, 7_000)]
    public async Task A_photo_beyond_12000_pixels_a_side_or_50_megapixels_is_refused_by_its_header_and_not_stored(int width, int height)
    {
        var created = await data.CreateAsync();
        var client = await CoordinatorClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        // A few kilobytes that declare a huge picture: only the header says how big it would be decoded.
        var response = await client.PostAsync($"/api/events/{created.Id}/photos", Upload(HostileFiles.Png(width, height), "huge.png"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("photo")[0].GetString().ShouldBe(
            $"This photo is {width} × {height} pixels; a photo may have at most 12000 pixels a side and 50 megapixels. Resize it and upload it again.");
        await using var db = await data.App.DbAsync();
        db.EventPhotos.Count(p => p.EventId == created.Id).ShouldBe(0);
    }

    [Fact]
    public async Task A_large_photo_is_kept_as_uploaded_and_a_jpeg_of_at_most_1600_pixels_is_stored_beside_it_for_reports()
    {
        var created = await data.CreateAsync();
        var client = await CoordinatorClientAsync();
        var original = TinyImages.Photo(4000, 3000);

        var response = await client.PostAsync($"/api/events/{created.Id}/photos", Upload(original, "camera.jpg", "image/jpeg"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await using var db = await data.App.DbAsync();
        var stored = db.EventPhotos.Single(p => p.EventId == created.Id);
        stored.Content.ShouldBe(original);
        using var copy = SkiaSharp.SKBitmap.Decode(stored.ReportImage.ShouldNotBeNull());
        copy.ShouldNotBeNull("the report copy is a decodable image");
        // At most 1,600 px on the long side (JPEG decodes in eighths, so it may land a little below), proportions kept.
        copy.Width.ShouldBeInRange(1000, 1600);
        ((double)copy.Width / copy.Height).ShouldBe(4.0 / 3, 0.01);
        stored.ReportImage!.AsSpan(0, 3).ToArray().ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF }, "the report copy is a JPEG");
    }
}

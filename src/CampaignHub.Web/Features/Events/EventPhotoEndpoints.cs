using System.Net.Mime;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace CampaignHub.Web.Features.Events;

public static class EventPhotoEndpoints
{
    public static RouteGroupBuilder MapEventPhotoEndpoints(this RouteGroupBuilder api)
    {
        var photos = api.MapGroup("/events/{eventId:int}/photos").WithTags("Events");

        // Reads work with the browser's cookie too (the API's policy), so the event page's <img> tags use this.
        photos.MapGet("/{photoId:int}", async (int eventId, int photoId, EventService service, HttpContext context,
                IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                var photo = await service.GetPhotoAsync(eventId, photoId, cancellationToken)
                            ?? throw new NotFoundException(string.Format(localizer["Photo_NotFound"], photoId));
                var headers = context.Response.Headers;
                // The type was proven from the bytes at upload; the browser must not guess another (say, HTML).
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                headers.CacheControl = "private, max-age=3600";
                headers.ContentDisposition = new ContentDispositionHeaderValue(DispositionTypeNames.Inline) { FileNameStar = photo.FileName }.ToString();
                return TypedResults.File(photo.Content, photo.ContentType);
            })
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp", "image/gif"])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A photo of an event, with the content type proven at upload.");

        photos.MapPost("/", async (int eventId, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? caption, ApiActor caller,
                EventService service, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                if (file is null)
                {
                    var errors = new ValidationErrors();
                    errors.Add("file", localizer["Photo_Error_Empty"]);
                    errors.ThrowIfAny();
                }

                await using var stream = file!.OpenReadStream();
                var created = await service.AddPhotoAsync(caller.Actor, eventId, file.FileName, stream, caption, cancellationToken);
                return TypedResults.Created($"/api/events/{eventId}/photos/{created.Id}", created);
            })
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary($"Adds a photo (multipart field 'file', optional 'caption'): JPEG, PNG, WebP or GIF, at most {PhotoRules.MaxMegabytes} MB.");

        photos.MapDelete("/{photoId:int}", async (int eventId, int photoId, ApiActor caller, EventService service, CancellationToken cancellationToken) =>
            {
                await service.DeletePhotoAsync(caller.Actor, eventId, photoId, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes a photo of an event.");

        return api;
    }
}

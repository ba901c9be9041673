namespace CampaignHub.Web.Domain;

/// <summary>Kinds of event (PRODUCT.md). Stored and exchanged as snake_case codes: <see cref="Codes{TEnum}"/>.</summary>
public enum EventKind
{
    LaunchCeremony,
    FreeClinic,
    Lecture,
    Screening,
    PatientExchange,
    MediaInterview,
    Broadcast,
    Training,
    Conference,
    MaterialDistribution,
    VolunteerService,
    Performance,
    Award,
    Other,
}

namespace CampaignHub.Web.Domain;

/// <summary>
/// A record that also knows who created it: the signed-in user of the scope that saved it (Data/CurrentUser), null
/// for system work (seeding, migrations, the admin command line).
/// </summary>
public interface ICreatedBy : ICreated
{
    string? CreatedById { get; set; }
}

using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Data;

/// <summary>
/// Every record type of the model is audited (<see cref="IAudited"/>) unless it is left out here on purpose, so a new
/// record type cannot slip past the audit trail unnoticed: adding one fails this test until it is marked or listed.
/// </summary>
public sealed class AuditedTypesTests
{
    private static readonly Dictionary<Type, string> LeftOut = new()
    {
        [typeof(AuditEntry)] = "the audit trail itself",
        [typeof(ApplicationUser)] = "accounts: the user administration audits what admins change explicitly; the rest is a person's own sign-in data",
        [typeof(IdentityRole)] = "the three fixed roles, seeded",
        [typeof(IdentityUserRole<string>)] = "role memberships: audited by the user administration",
        [typeof(IdentityUserClaim<string>)] = "sign-in data",
        [typeof(IdentityRoleClaim<string>)] = "sign-in data",
        [typeof(IdentityUserLogin<string>)] = "sign-in data",
        [typeof(IdentityUserToken<string>)] = "sign-in secrets (two-factor keys, recovery codes)",
        [typeof(DataProtectionKey)] = "key material",
        [typeof(ApiToken)] = "a person's own secret tokens",
        [typeof(CalendarFeed)] = "a person's own secret feed addresses",
        [typeof(UnitSubmissionFigures)] = "a copy of audited events and figures as a unit submitted them; the submission's steps are audited",
        [typeof(Notification)] = "a person's own inbox, a copy of an audited step (return, approval, reminder, roster change)",
        [typeof(OutgoingEmail)] = "the e-mail queue: copies of notifications and their delivery bookkeeping",
        [typeof(EventImport)] = "which file was imported when, to refuse the same file twice; the events it made are audited",
        [typeof(EventTally)] = "per-day counts derived from the events, recounted by the save path; the events are audited",
        [typeof(FigureTally)] = "per-day sums derived from the figures, recounted by the save path; the figures are audited",
    };

    [Fact]
    public void Every_record_type_is_audited_unless_it_is_deliberately_left_out()
    {
        using var db = new SqliteCampaignHubDbContext(
            new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite("Data Source=:memory:").Options, SaveRules.ForSystemWork());

        var notAudited = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => !typeof(IAudited).IsAssignableFrom(t)).ToList();

        notAudited.ShouldBe(LeftOut.Keys, ignoreOrder: true);
        db.Model.GetEntityTypes().Count(t => typeof(IAudited).IsAssignableFrom(t.ClrType)).ShouldBe(27); // regions, awards and their recipients, programmes (issue 11); the reporting cycle's periods, submissions, returned items and reminder requests (issue 12)
    }
}

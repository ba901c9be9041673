namespace CampaignHub.Web.Domain;

/// <summary>
/// What a person does on an event's programme, as a roadshow's report tells it (seed 002): gives a talk with its
/// title (学术分享), speaks as a leader (致辞), chairs a session or a case discussion (主持), takes part in one
/// (讨论), serves on the visiting expert team (义诊/巡讲专家), or leads that team (带队). One person in several
/// roles is listed once per role. Talk comes first: it is what every speaker was before roles existed.
/// </summary>
public enum ProgrammeRole
{
    Talk,
    Speech,
    Moderator,
    Discussant,
    Expert,
    TeamLeader,
}

namespace CampaignHub.Web.Domain;

/// <summary>Where an online event happens: video live stream, Tencent Meeting, WeChat, a hotline, or another platform.</summary>
public enum OnlinePlatform
{
    LiveStream,
    TencentMeeting,
    Wechat,
    Hotline,
    Other,
}

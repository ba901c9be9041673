namespace CampaignHub.Web.Features.Common;

/// <summary>
/// A value a user sent, as a message may quote it: at most <see cref="MaxLength"/> characters, cut with an ellipsis.
/// A message that echoed a 20 MB cell in full would be an 80 MB answer; a short prefix is enough to find it.
/// </summary>
public static class ValueEcho
{
    public const int MaxLength = 100;

    public static string Short(string? value)
    {
        var text = value?.Trim() ?? "";
        // Never cut a surrogate pair in half.
        var cut = MaxLength;
        if (text.Length <= cut)
        {
            return text;
        }

        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}

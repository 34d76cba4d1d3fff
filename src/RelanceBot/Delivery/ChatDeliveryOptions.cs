using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Delivery;

/// <summary>Where the bot opens conversations it has no reference for (Teams 1:1).</summary>
public sealed class ChatDeliveryOptions
{
    public const string SectionName = "Delivery:Chat";

    /// <summary>Teams' global service URL, used when no regional one is known (protocol brief §6.1).</summary>
    [Required, Url]
    public string TeamsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
}

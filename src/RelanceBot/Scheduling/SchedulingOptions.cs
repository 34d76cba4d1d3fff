namespace RelanceBot.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Whether Quartz's triggers run the jobs; tests switch it off and run jobs themselves on a fake clock.</summary>
    public bool RunJobs { get; set; } = true;
}

namespace RelanceBot.Benchmarks;

/// <summary>
/// Which seeded invoice each sweep finds due, and whose it is. Invoice indexes are laid out in order: the small
/// warm-up sweeps' invoices, then one block of <c>due</c> invoices per round (the first <see cref="WarmUpRounds"/>
/// warm up), then the ones not due. Sweeps run a minute apart inside the contact window.
/// </summary>
internal sealed class SweepTimeline(DateTimeOffset firstRound, int due, int rounds)
{
    /// <summary>
    /// The runtime optimises a method in two steps (instrumented, then optimised with the profile), each after some
    /// tens of calls: per-batch code needs that many sweeps, twice over.
    /// </summary>
    public const int SmallSweeps = 120;

    public const int SmallSweepInvoices = 50;

    /// <summary>
    /// Full-size sweeps before the measured ones: the runtime keeps optimising the hottest code for a while (with two,
    /// the first measured sweep still spent a second of CPU on the compiler, which a service sweeping every minute
    /// has long finished).
    /// </summary>
    public const int WarmUpRounds = 4;

    /// <summary>Sweeps one set of patients gets at most, so none reaches the contact quota (4 in 30 days).</summary>
    private const int RoundsPerPatient = 3;

    private const int SmallInvoices = SmallSweeps * SmallSweepInvoices;

    public DateTimeOffset FirstSweep => SmallSweepAt(0);

    /// <summary>Sets of <c>due</c> patients, used by the rounds in turn: no patient reaches the contact quota.</summary>
    public int Patients => Math.Max(PatientSets * due, SmallInvoices);

    private int PatientSets => Math.Max(2, (WarmUpRounds + rounds + RoundsPerPatient - 1) / RoundsPerPatient);

    public int Invoices => SmallInvoices + ((WarmUpRounds + rounds) * due);

    /// <summary>Every sweep before the measured rounds, with the messages it must enqueue.</summary>
    public IEnumerable<(DateTimeOffset At, int Messages)> WarmUpSweeps =>
        Enumerable.Range(0, SmallSweeps).Select(sweep => (SmallSweepAt(sweep), SmallSweepInvoices))
            .Concat(Enumerable.Range(0, WarmUpRounds).Select(round => (RoundAt(round), due)));

    /// <summary>When round <paramref name="round"/> runs; the measured ones follow the warm-up rounds.</summary>
    public DateTimeOffset RoundAt(int round) => firstRound.AddMinutes(round);

    public DateTimeOffset MeasuredRoundAt(int measured) => RoundAt(WarmUpRounds + measured - 1);

    public DateTimeOffset? SweptAt(int invoice) =>
        invoice < SmallInvoices ? SmallSweepAt(invoice / SmallSweepInvoices)
        : invoice < Invoices ? RoundAt((invoice - SmallInvoices) / due)
        : null;

    public int PatientOf(int invoice) =>
        invoice < SmallInvoices ? invoice
        : invoice < Invoices ? ((invoice - SmallInvoices) / due % PatientSets * due) + ((invoice - SmallInvoices) % due)
        : invoice % Patients;

    private DateTimeOffset SmallSweepAt(int sweep) => firstRound.AddMinutes(sweep - SmallSweeps);
}

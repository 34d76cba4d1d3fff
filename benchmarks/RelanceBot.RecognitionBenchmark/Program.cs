using System.Diagnostics;
using System.Globalization;
using RelanceBot.Understanding;

// Recognitions per second of `new IntentRecognizer()` over the evaluation replies, one thread; pin the process to one
// core (`taskset -c 1`) so the figure is per core. Usage: [path to intent-evaluation.tsv] [seconds, default 10].
var path = args.Length > 0 ? args[0] : "tests/RelanceBot.Tests/Understanding/intent-evaluation.tsv";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var replies = File.ReadLines(path)
    .Where(line => line.Length > 0 && !line.StartsWith('#'))
    .Select(line => line.Split('\t')[^1])
    .ToArray();

var loading = Stopwatch.StartNew();
var recognizer = new IntentRecognizer();
var context = new RecognitionContext(new DateOnly(2026, 3, 2));
recognizer.Recognize(replies[0], context);
Console.WriteLine($"First recognition (models loaded): {loading.ElapsedMilliseconds} ms");

// Warm-up: one pass so tiered JIT settles before the clock runs.
foreach (var reply in replies)
{
    recognizer.Recognize(reply, context);
}

var recognitions = 0L;
var clock = Stopwatch.StartNew();
while (clock.Elapsed.TotalSeconds < seconds)
{
    foreach (var reply in replies)
    {
        recognizer.Recognize(reply, context);
    }

    recognitions += replies.Length;
}

var elapsed = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{replies.Length} replies, {recognitions} recognitions in {elapsed:F1} s: {recognitions / elapsed:F0} recognitions/s, {elapsed / recognitions * 1e6:F1} µs each"));

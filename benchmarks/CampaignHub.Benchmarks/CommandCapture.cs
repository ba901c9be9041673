using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CampaignHub.Benchmarks;

/// <summary>A SQL command the app sent, with its parameter values, so its query plan can be asked for.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Listens to EF Core's diagnostic events and keeps the commands the services execute while <see cref="Enabled"/>:
/// the exact SQL of the measured code, not a hand-written copy of it.
/// </summary>
internal sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<CapturedCommand> commands = [];

    private CommandCapture()
    {
    }

    public bool Enabled { get; set; }

    public static CommandCapture Start()
    {
        var capture = new CommandCapture();
        capture.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(capture));
        return capture;
    }

    /// <summary>The commands captured since the last call.</summary>
    public IReadOnlyList<CapturedCommand> Take()
    {
        lock (commands)
        {
            var taken = commands.ToList();
            commands.Clear();
            return taken;
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Enabled && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
        {
            var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (commands)
            {
                commands.Add(new CapturedCommand(data.Command.CommandText, parameters));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }
}

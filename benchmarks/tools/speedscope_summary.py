#!/usr/bin/env python3
"""Sums sampled time per frame in a `dotnet-trace --format speedscope` file.

dotnet-trace samples every thread, running or not: stacks whose leaf is a wait (thread-pool semaphore, Monitor.Wait,
epoll, the file watcher, unresolved native frames) are left out, so what remains approximates CPU time. Shares are
what to compare; absolute milliseconds over-count when more threads are runnable than there are cores.

    python3 speedscope_summary.py trace.speedscope.json [--top 40] [--focus SUBSTRING]

--focus keeps only the stacks that contain a frame with SUBSTRING (e.g. PatientBot, SaveChangesAsync).
"""
import argparse
import collections
import json

WAITS = ('Wait', 'epoll', 'Sleep', 'Watcher', '?!?', 'RunFinalizers()', 'WorkerThreadStart()')


def on_cpu(names):
    leaf = names[-1]
    if leaf == 'CPU_TIME':
        return not any(wait in names[-2] for wait in ('LowLevelLifoSemaphore.Wait', 'RunFinalizers()', 'WorkerThreadStart()'))
    return leaf == 'UNMANAGED_CODE_TIME' and not any(wait in names[-2] for wait in WAITS)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('file')
    parser.add_argument('--top', type=int, default=40)
    parser.add_argument('--focus')
    args = parser.parse_args()

    profile = json.load(open(args.file))
    frames = [frame['name'] for frame in profile['shared']['frames']]
    inclusive, exclusive, total = collections.Counter(), collections.Counter(), 0.0
    for thread in profile['profiles']:
        stack, last = [], None
        for event in thread['events']:
            at = event['at']
            if last is not None and len(stack) > 1 and at > last:
                names = [frames[index] for index in stack]
                if on_cpu(names) and (args.focus is None or any(args.focus in name for name in names)):
                    elapsed = at - last
                    total += elapsed
                    for name in set(names[:-1]):
                        inclusive[name] += elapsed
                    exclusive[names[-2]] += elapsed
            if event['type'] == 'O':
                stack.append(event['frame'])
            else:
                while stack and stack.pop() != event['frame']:
                    pass
            last = at

    print(f'on-CPU samples: {total:.0f} ms')
    for title, counter in (('inclusive', inclusive), ('exclusive', exclusive)):
        print(f'== {title}')
        for name, elapsed in counter.most_common(args.top):
            print(f'{elapsed:9.0f} {100 * elapsed / total:5.1f}%  {name[:160]}')


if __name__ == '__main__':
    main()

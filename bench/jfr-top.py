#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples (issue 20): the hottest self frames, the first frame of the
program's own code on each sample's stack (what in our code the time is spent under) and the inclusive share of
our frames.
  java -XX:StartFlightRecording=settings=profile,filename=F.jfr -jar target/vlm-survey-kg.jar export ...
  bench/jfr-top.py F.jfr [N]"""
import collections, re, subprocess, sys

OWN = 'org.w3id.vlmsurvey'
jfr = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', jfr],
                     capture_output=True, text=True, check=True).stdout
samples = []
for block in out.split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w$.<>]+)\(.*?line: \d+', block, re.M)
    if frames:
        samples.append(frames)
n = len(samples)
own_self = collections.Counter(s[0] for s in samples)
first_own = collections.Counter(next((f for f in s if f.startswith(OWN)), '(no frame of ours)') for s in samples)
inclusive = collections.Counter(f for s in samples for f in set(s) if f.startswith(OWN))
print(f'{n} execution samples')
for title, counter in (('self', own_self), ('first own frame', first_own), ('inclusive, own frames', inclusive)):
    print(f'\n{title}:')
    for f, c in counter.most_common(top):
        print(f'{c * 100 / n:5.1f}% {f}')
